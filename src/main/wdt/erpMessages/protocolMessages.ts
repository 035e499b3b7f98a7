/**
 * The vendor's error table (错误码说明, ../shared/wdt-api/error-codes.md), statuses 1 to 99: the answers the
 * ERP gives about the call itself (signature, account, IP, clock, version) and its server errors. Each remedy
 * is the vendor's, retold for the person at the warehouse PC. Business answers (status 100) are in
 * businessMessages.ts.
 */
import { anyMessage, contains, exact, type MessageMatch, type VendorMessage } from './match';

const fromTable = (
  status: number,
  vendorText: string,
  match: MessageMatch,
  remedy: string,
): VendorMessage => ({
  status,
  vendorText,
  match,
  remedy,
  source: 'error-codes',
});

const developerFix = '这是程序与接口不一致的问题，不是单据内容的问题，请把这条记录提供给开发者。';

export const protocolMessages: readonly VendorMessage[] = [
  fromTable(1, '参数错误', exact('参数错误'), `请求的参数个数或数据类型与接口不符。${developerFix}`),
  fromTable(
    1,
    'invalid argument count',
    contains('invalid argument count'),
    `请求的参数个数不对，或者 JSON 格式不正确。${developerFix}`,
  ),
  fromTable(
    1,
    'sid is not exists',
    contains('sid is not exists'),
    '卖家账号（sid）在这个接口地址上不存在：请检查 sid 是否填写正确，以及接口地址是否是该账号所在的环境（正式环境的地址是 http://wdt.wangdian.cn/openapi，正式环境和测试环境的账号不通用）。',
  ),
  fromTable(
    1,
    '参数个数错误',
    exact('参数个数错误'),
    `请求的参数个数与接口要求不符（必传参数没有都传，或者多传了）。${developerFix}`,
  ),
  fromTable(
    1,
    'sid is not found',
    contains('sid is not found'),
    '卖家账号（sid）与接口地址对不上：请检查 sid 和接口地址是否属于同一个环境（正式或测试）。如果两者都正确，可能是程序使用的接口版本过旧，请联系开发者。',
  ),
  fromTable(
    1,
    '验证失败',
    exact('验证失败'),
    '签名验证失败：appkey 或 appsecret 不正确。请核对接口设置中的 appkey 和 appsecret（appsecret 要完整复制“secret:salt”，不要多复制空格）。',
  ),
  fromTable(
    1,
    'argument type mismatch',
    contains('argument type mismatch'),
    `请求中某个参数的类型不对（例如该填数字的地方填了文字）。${developerFix}`,
  ),
  fromTable(
    1,
    'For input string: "1665947116495"',
    contains('For input string'),
    'ERP 无法读取请求中的时间戳（应为从 2012-01-01 起算的秒数，且与服务器时间相差不超过 120 秒）。请检查电脑的日期、时间和时区；如果都正确，请联系开发者。',
  ),
  fromTable(
    1,
    'app auth fail',
    contains('app auth fail'),
    '应用认证失败：appkey 或 sid 不对，appsecret 冒号后的部分（salt）不对，或者本机的公网 IP 不在开放平台允许的范围内。请核对接口设置中的 sid、appkey 和 appsecret，并请管理员检查开放平台上该应用的 IP 设置。',
  ),
  fromTable(
    2,
    'shop_no',
    anyMessage,
    `ERP 不认识请求中的参数“{message}”（字段名不对，或者放在了不该放的位置）。${developerFix}`,
  ),
  fromTable(
    3,
    '需要动态口令',
    contains('需要动态口令'),
    '该卖家账号开启了动态口令，接口调用无法输入口令。请管理员在旺店通中取消动态口令后再试。',
  ),
  fromTable(
    4,
    '数据库错误',
    exact('数据库错误'),
    'ERP 服务器的数据库出错。旺店通的建议是联系负责对接的技术人员。',
  ),
  fromTable(
    5,
    '数据库错误',
    exact('数据库错误'),
    'ERP 服务器的数据库出错。旺店通的建议是联系负责对接的技术人员。',
  ),
  fromTable(
    6,
    'ip限制',
    contains('ip限制'),
    'IP 限制：本机所在网络的公网 IP 不在该卖家设置的 IP 白名单里。请管理员在开放平台的应用设置中把本机的公网 IP 加入白名单（或取消白名单）后再试。',
  ),
  fromTable(
    7,
    '时间戳错误',
    contains('时间戳错误'),
    '本机时间与 ERP 服务器相差超过 2 分钟。程序已按服务器时间校正并自动重试过一次；如果仍然失败，请把电脑的日期、时间和时区设为自动同步后再试。',
  ),
  fromTable(8, '版本错误', contains('版本错误'), `ERP 不接受请求中的接口版本号（v）。${developerFix}`),
  fromTable(
    99,
    '其他错误',
    exact('其他错误'),
    'ERP 返回“其他错误”，没有说明原因。旺店通的建议是联系负责对接的技术人员。',
  ),
];
