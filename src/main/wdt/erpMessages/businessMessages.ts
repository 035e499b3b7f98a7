/**
 * The vendor's error table (错误码说明, ../shared/wdt-api/error-codes.md), status 100: business and
 * permission refusals. Each remedy is the vendor's, retold for the person at the warehouse PC; where the
 * answer depends on how the seller has set up the ERP, the remedy names the setting and where it is.
 */
import { contains, exact, type MessageMatch, type VendorMessage } from './match';

const business = (vendorText: string, match: MessageMatch, remedy: string): VendorMessage => ({
  status: 100,
  vendorText,
  match,
  remedy,
  source: 'error-codes',
});

const rateLimited = (vendorText: string, match: MessageMatch): VendorMessage => ({
  ...business(
    vendorText,
    match,
    '调用太频繁，超过了 ERP 每分钟的调用限制，ERP 没有处理这次请求。旺店通的建议：暂停 5–10 分钟后再原样提交；批量提交时请一张一张地发。',
  ),
  rateLimit: true,
});

// vendorText is the page's exact text, including a no-break space (\u00a0) in two rows; matching ignores it.
const developerFix = '这是程序的问题，不是单据内容的问题，请把这条记录提供给开发者。';
const apiAccount = '接口账号就是员工编号等于 appkey 的那位员工';
const employeeRights = '旺店通 设置 → 安全设置 → 员工权限';

export const businessMessages: readonly VendorMessage[] = [
  business(
    '应用错误',
    exact('应用错误'),
    'ERP 按业务规则拒绝了请求，但没有说明具体原因。请逐项核对单据内容；仍不清楚时，请把这条记录提供给负责对接的技术人员。',
  ),
  business(
    '此方法仅支持分页查询：接口method',
    contains('此方法仅支持分页查询'),
    `这是查询接口，必须分页调用（page_no、page_size 必传）。${developerFix}`,
  ),
  business(
    '店铺编号不存在或已停用',
    contains('店铺编号不存在或已停用'),
    '店铺编号（shop_no）在旺店通中不存在、已停用或授权不正常。请在 旺店通 设置 → 基本设置 → 店铺 中核对。',
  ),
  business(
    '未找到符合条件的订单',
    contains('未找到符合条件的订单'),
    '旺店通中没有找到符合条件的单据。请核对单号是否正确。',
  ),
  business(
    '店铺平台不是自有平台',
    contains('店铺平台不是自有平台'),
    '这个店铺不是“自有平台”店铺，而接口只接受自有平台的店铺。请在 旺店通 设置 → 基本设置 → 店铺 中核对店铺的平台类型。',
  ),
  business(
    '参数中必须包含起止时间',
    contains('参数中必须包含起止时间'),
    `查询必须给出开始时间和结束时间（start_time、end_time）。${developerFix}`,
  ),
  business(
    '您的查询时间过宽,查询时间不能大于30天',
    contains('查询时间不能大于30天'),
    '查询的开始时间到结束时间最多 30 天，请缩小时间范围后再查。',
  ),
  business(
    '您的查询时间过宽,查询时间不能大于60分钟',
    contains('查询时间不能大于60分钟'),
    '查询的开始时间到结束时间最多 60 分钟，请缩小时间范围后再查。',
  ),
  business(
    '单据不存在',
    contains('单据不存在'),
    '旺店通中没有这张单据，或者它已被取消。请在旺店通中核对单号。',
  ),
  business(
    '商家编码）xxx,调拨量不能大于可出库存量',
    contains('商家编码', '调拨量不能大于可出库存量'),
    '调出仓库中这个货品的可出库存不够：调拨数量不能大于可出库存量（ERP 的原话中有商家编码：{message}）。请在旺店通中核对该仓库的库存，减少调拨数量或先补足库存。',
  ),
  business(
    '昵称/收件人姓名/收件人地址/买家留言包含非法字符或为空,原始单号为：xxxxxxx',
    contains('包含非法字符或为空'),
    '昵称、收件人姓名、收件人地址或买家留言是空的，或者含有 ERP 不接受的特殊字符。请检查这几项内容。',
  ),
  business(
    '商家编码（spec_no）:xxx与已删除的规格重复！',
    contains('与已删除的规格重复'),
    '这个商家编码在旺店通中属于一个已经删除的单品。请在旺店通中核对：恢复该单品，或改用正确的商家编码。',
  ),
  business(
    '商家编码xxx已存在,但货品不存在或已删除,货品编号: xxx',
    contains('已存在', '但货品不存在或已删除'),
    '商家编码（spec_no）与货品编号（goods_no）的对应关系不对：这个商家编码在旺店通中已属于另一个货品编号。请按旺店通中的对应关系填写。',
  ),
  business(
    '仓库编号不可为空',
    contains('仓库编号不可为空'),
    '仓库编号（warehouse_no）没有填写。请填写仓库编号。',
  ),
  business(
    'The API used internal only: wms.stockin.PreStockin.search',
    contains('The API used internal only'),
    `这个接口只能通过奇门自定义接口调用，标准接口不能用。${developerFix}`,
  ),
  business(
    '出库仓库为外部仓库，请确保收货人、收货电话、省份、城市、地址填写完整',
    contains('出库仓库为外部仓库'),
    '出库仓库是外部仓库，而旺店通中这个仓库的收货人、收货电话、省份、城市或地址没有填完整。请管理员在旺店通客户端中补全该外部仓库的资料后再提交。',
  ),
  business(
    '无仓库访问权限',
    contains('无仓库访问权限'),
    `接口账号没有这个仓库的权限（${apiAccount}）。请管理员在 ${employeeRights} 中搜索这个员工编号，在下方的仓库权限中加上该仓库后再提交。`,
  ),
  business(
    '商家编码(spec_no):xxx,调拨量不能大于可出库存量',
    contains('商家编码', 'spec_no', '调拨量不能大于可出库存量'),
    '调出仓库中这个货品的可出库存不够：调拨数量不能大于可出库存量（ERP 的原话中有商家编码：{message}）。请核对库存，减少调拨数量或先补足库存。',
  ),
  business(
    '权限不足',
    exact('权限不足'),
    '这个应用无权调用该接口。请先检查 sid、appkey 和接口地址是否正确；都正确时，请管理员登录旺店通开放平台（自助对接 → 应用管理 → 新增/变更）为应用申请这个接口的权限。',
  ),
  business(
    '称重失败，所扫货品不存在或者不是包装物',
    contains('称重失败'),
    '称重失败：所扫的货品在旺店通中不存在，或者不是包装物。请检查单据中所扫的货品。',
  ),
  business(
    '采购单不是编辑中状态',
    contains('采购单不是编辑中状态'),
    '这张采购单已经不是“编辑中”状态，不能再改。请在旺店通中查看它的状态。',
  ),
  business(
    '此外部单已使用!',
    contains('此外部单已使用'),
    '这个外部单号在旺店通中已经有单据了，很可能之前已经提交成功。请先在旺店通中按这个单号查找；确实需要再建一张时，请换一个新的单号。',
  ),
  business(
    '出库单对应的采购退换单状态错误!',
    contains('采购退换单状态错误'),
    '对应的采购退货单不是“已审核”状态。请先在旺店通中审核这张采购退货单，再提交出库单。',
  ),
  business('折扣应大于0', contains('折扣应大于0'), '折扣（discount）必须大于 0。请修改折扣后再提交。'),
  business(
    '采购退货单不存在',
    contains('采购退货单不存在'),
    '旺店通中没有这个采购退货单号（return_no）。请核对单号。',
  ),
  business(
    '不存在物流编码为 MR001 的物流公司或业务类型错误!',
    contains('不存在物流编码为', '的物流公司或业务类型错误'),
    '物流公司编码在旺店通中不存在，或者业务类型不对。请核对物流编码和业务类型。',
  ),
  business(
    '您的查询条件太过宽，请增加查询条件',
    contains('查询条件太过宽'),
    '查询条件太宽：开始时间到结束时间不要超过 30 天，或增加其他查询条件。',
  ),
  business(
    '货品列表中货品不存在或者货品重复!',
    contains('货品列表中货品不存在或者货品重复'),
    '单据中有货品在旺店通中不存在，或者有重复的货品行。请核对各行的商家编码，并检查是否有重复的行。',
  ),
  business('外部单号超长', contains('外部单号超长'), '外部单号超过了接口允许的最大长度，请改短后再提交。'),
  business(
    '调拨单不存在或调拨单状态错误',
    contains('调拨单不存在或调拨单状态错误'),
    '对应的调拨单不存在，或者不是“已审核”状态。请在旺店通中核对这张调拨单。',
  ),
  business(
    '存在不是该供应商提供的货品',
    contains('存在不是该供应商提供的货品'),
    '单据中有货品不在该供应商的供货清单里：该卖家的旺店通勾选了“采购退货开单，添加货品时校验供应商”（设置 → 系统设置 → 采购设置）。请在 旺店通 采购 → 供应商货品 中为该供应商加上这些货品，或请管理员取消这个勾选后再提交。',
  ),
  business(
    '状态应该是由逗号分隔开的整数数组',
    contains('状态应该是由逗号分隔开的整数数组'),
    `查询条件 status 应为用逗号分隔的整数。${developerFix}`,
  ),
  business(
    '非销售出、入库单批次、有效期必传',
    contains('批次', '有效期必传'),
    '该卖家的旺店通勾选了“非销售出、入库单批次、有效期必传”（设置 → 系统设置 → 仓库设置），所以每一行都必须填写批次和有效期。请补填批次和有效期后再提交；如果不需要这个要求，请管理员在旺店通中取消这个勾选。',
  ),
  business(
    '电话号码不能包含*',
    contains('电话号码不能包含'),
    '电话号码中不能有 * 号（例如平台隐藏了部分数字的号码）。请填写完整的电话号码。',
  ),
  business(
    '货品 xxx 重复!',
    contains('货品', '重复'),
    '同一张单据中有两行是同一个货品（商家编码相同）。请合并这些行（数量相加）或删除多余的行；如果这些行的货位、批次或有效期不同、确实需要分行，请管理员在 旺店通 设置 → 系统设置 → 仓库 中勾选“允许添加相同的货品（货位、批次、有效期不同）”。',
  ),
  business(
    '批次 xxx 不存在或已停用',
    contains('批次', '不存在或已停用'),
    '这个批次在旺店通中不存在或已停用。批次要先在 旺店通 仓储 → 批次有效期管理 → 批次管理 中建好，才能在单据中使用。',
  ),
  business(
    '最少包含一个规格！',
    contains('最少包含一个规格'),
    '货品资料中至少要有一个规格（spec_no）。请填写规格的商家编码。',
  ),
  business(
    '新建订单权限不足！',
    contains('新建订单权限不足'),
    `接口账号没有“手工建单”的权限（${apiAccount}）。请管理员在 ${employeeRights} 中搜索这个员工编号，在客户端权限中勾选 销售 → 新增订单 → 手工建单。`,
  ),
  business(
    '数量不合法',
    contains('数量不合法'),
    'ERP 不接受这个数量。最常见的原因是数量带小数，而该卖家的旺店通没有开通小数数量。请改用整数；确实需要小数时，请联系负责你们的旺店通实施人员在【实施助手】中开通支持小数的配置。',
  ),
  business('采购员姓名为空！', contains('采购员姓名为空'), '没有填写采购员。请填写采购员后再提交。'),
  business(
    '所选采购员没有采购员的职务,不能进行采购操作!',
    contains('没有采购员的职务'),
    '所填的员工在旺店通中没有“采购员”工种。请管理员在 旺店通 设置 → 基本设置 → 员工 中找到这位员工，双击打开后加上采购员工种；或者改填一位有采购员工种的员工。',
  ),
  business(
    '员工xxxxx 不存在或已删除!',
    contains('员工', '不存在或已删除'),
    '所填的员工在旺店通中不存在或已删除。请在 旺店通 设置 → 基本设置 → 员工 中核对员工名称。',
  ),
  business(
    '请选择采购员！',
    contains('请选择采购员'),
    '接口账号不能当作采购员。请填写一位在旺店通中有“采购员”工种的员工。',
  ),
  business(
    '未找到对应的单据信息!',
    contains('未找到对应的单据信息'),
    '旺店通中没有找到对应的单据，或者这张单据不符合退换条件。请核对单号。',
  ),
  rateLimited('超过每分钟最大调用频率限制，请稍后重试', contains('超过每分钟最大调用频率限制')),
  rateLimited('超过每分钟最大并发次数限制，请稍后重试', contains('超过每分钟最大并发次数限制')),
  business(
    '收货仓库列表为空或无权限',
    contains('收货仓库列表为空或无权限'),
    `收货仓库（receive_warehouse_nos）没有填，或者接口账号没有这个仓库的权限（${apiAccount}）。请管理员在 ${employeeRights} 中搜索这个员工编号，核对其仓库权限。`,
  ),
  business(
    '预计入库仓为空或无权限',
    contains('预计入库仓为空或无权限'),
    `预计入库仓（expect_warehouse_no）没有填，或者接口账号没有这个仓库的权限（${apiAccount}）。请管理员在 ${employeeRights} 中搜索这个员工编号，核对其仓库权限。`,
  ),
  business(
    'Unparseable date: 2023/02/06 17:59:19',
    contains('Unparseable date'),
    'ERP 无法识别这个日期。日期要写成 2023-02-06 17:59:19 这样的格式。',
  ),
  business(
    '货品列表中有相同商家编码的货品！',
    contains('货品列表中有相同商家编码的货品'),
    '同一个商家编码出现在了多行，而该卖家的旺店通没有勾选“允许添加相同的货品（货位、批次、有效期不同）”。如果这些行的货位、批次或有效期不同、确实需要分行，请管理员在 旺店通 设置 → 系统设置 → 仓库 中勾选入库（出库）的这个选项；否则请把同一货品合并成一行（数量相加）。',
  ),
  business(
    '货品列表中有相同商家编码、货位、批次、有效期的货品',
    contains('相同商家编码、货位、批次、有效期'),
    '有几行的商家编码、货位、批次和有效期完全相同，ERP 在任何设置下都不接受。请把这些行合并成一行（数量相加）后再提交。',
  ),
  business(
    'pay_methodmust be less than or equal to 7',
    contains('must be less than or equal to'),
    '某个字段的值超过了接口允许的最大值（ERP 的原话中有字段名和上限：{message}）。请按接口要求修改后再提交。',
  ),
  business(
    '字段名must not be null',
    contains('must not be null'),
    '某个必填字段是空的（ERP 的原话中有字段名：{message}）。请填写这个字段后再提交。',
  ),
  business(
    'xxx不能为空',
    contains('不能为空'),
    '有必填的内容没有填写（ERP 的原话：{message}）。请补填后再提交。',
  ),
  business(
    '下单时间非法,原始单号为：XXXXXX',
    contains('下单时间非法'),
    '下单时间（trade_time）晚于 ERP 服务器的当前时间（服务器使用北京时间）。请检查下单时间和电脑的时钟。',
  ),
  business(
    '单品或者组合装的条码不能重复',
    contains('条码不能重复'),
    '货品的主条码与旺店通中已有的副条码重复。请在 旺店通 货品 → 货品条码 中检查，删除重复的副条码后再推送。',
  ),
  business(
    '商家编码和货品编号不匹配',
    contains('商家编码和货品编号不匹配'),
    '商家编码（spec_no）与货品编号（goods_no）的对应关系和旺店通中已有的不一致。请按旺店通中的对应关系修改后再提交。',
  ),
  business(
    '不属于当前供应商的货品',
    contains('不属于当前供应商的货品'),
    '该卖家的旺店通开启了采购权限管理（供应商、品牌），单据中有货品不在该供应商的“供应商货品”里。请在 旺店通 采购 → 供应商货品 中为该供应商加上这些货品，或改选正确的供应商。',
  ),
  business(
    '标记xxx\u00a0 不存在/已停用/类型错误',
    contains('标记', '不存在/已停用/类型错误'),
    '所填的标记在旺店通中不存在、已停用或类型不对。请先在旺店通客户端中维护好这个标记。',
  ),
  business(
    '不存在的XXX原因:xxx',
    contains('不存在的', '原因'),
    '所填的原因在旺店通中不存在。请先在 旺店通 设置 → 基本设置 → 原因列表 中添加这个原因。',
  ),
  business(
    'Data truncation: Data too long for column xxx',
    contains('Data too long for column'),
    '某个字段的内容太长，超过了 ERP 的长度限制（ERP 的原话中有字段名：{message}）。请按接口文档的长度限制缩短后再提交。',
  ),
  business(
    '仓库 xxx\u00a0 是委外仓库,包含委外仓时只能选一个入库仓库',
    contains('是委外仓库'),
    '收货仓库中有委外仓库；包含委外仓库时只能填一个入库仓库。',
  ),
  business(
    '传入店铺编号全部错误',
    contains('传入店铺编号全部错误'),
    `传入的店铺编号都不存在，或者接口账号没有这些店铺的权限（${apiAccount}）。请在 旺店通 设置 → 基本设置 → 店铺 中核对店铺编号，并请管理员在 ${employeeRights} 中核对店铺权限。`,
  ),
];
