/**
 * Warehouses, suppliers and employees of the practice ERP, shared by the practice and the generated data.
 * They hold every code the vendor examples and the app's own examples and tests use (warehouses pos, lz,
 * lz-002, daj-wms-wdt, 1001, wdtapi3-test, WH-SH01, WH-BJ02; suppliers LCJtest, CMS4418046511659, GYS001;
 * purchaser lj), so the practice environment can show names beside all of them.
 */
import type { Random } from './ean';
import { ROLE_PURCHASER, type MdEmployee, type MdProvider, type MdWarehouse } from './types';

const DAY = 86_400_000;

interface Directory {
  readonly warehouses: MdWarehouse[];
  readonly providers: MdProvider[];
  readonly employees: MdEmployee[];
}

type WarehouseRow = [no: string, name: string, type: number, city: string, disabled?: boolean];
const WAREHOUSES: readonly WarehouseRow[] = [
  ['pos', '门店仓', 1, '杭州市'],
  ['lz', '兰州主仓', 1, '兰州市'],
  ['lz-002', '兰州二号仓', 1, '兰州市'],
  ['daj-wms-wdt', '大件委外仓（旺店通WMS）', 2, '廊坊市'],
  ['1001', '退货仓', 1, '上海市'],
  ['wdtapi3-test', 'wdtapi3-test', 1, '北京市'],
  ['WH-SH01', '上海一号仓', 1, '上海市'],
  ['WH-BJ02', '北京二号仓', 1, '北京市'],
  ['WH-GZ03', '广州三号仓', 1, '广州市'],
  ['WH-CD04', '成都中转仓', 1, '成都市'],
  ['TM-YC01', '天猫平台仓', 3, '嘉兴市'],
  ['DY-YC01', '抖音云仓', 6, '武汉市'],
  ['DF-001', '代发仓', 125, '义乌市'],
  ['WH-OLD9', '旧仓（已停用）', 1, '苏州市', true],
];

type ProviderRow = [no: string, name: string, contact: string, city: string, deleted?: boolean];
const PROVIDERS: readonly ProviderRow[] = [
  ['LCJtest', 'LCJtest', '刘春江', '北京市'],
  ['LCJtest11', 'LCJtest11', '', '北京市'],
  ['CMS4418046511659', '广州市晨美商贸有限公司', '陈美', '广州市'],
  ['GYS001', '义乌市好运日用品厂', '王海', '金华市'],
  ['P01', '杭州一品食品有限公司', '周一', '杭州市'],
  ['GYS002', '深圳市佳讯电子有限公司', '李佳', '深圳市'],
  ['GYS003', '青岛海之源水产有限公司', '孙涛', '青岛市'],
  ['GYS004', '宁波甬达塑料制品厂', '郑达', '宁波市'],
  ['GYS005', '泉州百步鞋业有限公司', '黄步', '泉州市'],
  ['GYS006', '佛山美家陶瓷有限公司', '何美', '佛山市'],
  ['GYS099', '停业的供应商', '', '苏州市', true],
];

type EmployeeRow = [
  no: string,
  name: string,
  shortname: string,
  roles: number,
  position: string,
  gone?: 'deleted' | 'disabled',
];
const EMPLOYEES: readonly EmployeeRow[] = [
  ['lj', '李军', 'lj', ROLE_PURCHASER, '采购主管'],
  ['lz', '刘洲', 'lz', ROLE_PURCHASER | 1, '采购员'],
  ['E003', '张三', '张三', ROLE_PURCHASER, '采购员'],
  ['E004', '王芳', '芳芳', ROLE_PURCHASER | 128, '采购兼结算'],
  ['E005', '赵敏', '小敏', 1 | 2, '客服'],
  ['E006', '钱进', '钱钱', 4 | 8 | 16, '打包组长'],
  ['E007', '孙悦', '悦悦', 32 | 64, '拣货员'],
  ['E008', '周强', '阿强', 1024, '质检员'],
  ['E009', '吴磊', '磊子', 0, '系统管理员'],
  ['E010', '郑宇', '老郑', ROLE_PURCHASER, '采购员', 'deleted'],
  ['E011', '冯雪', '雪儿', ROLE_PURCHASER, '采购员', 'disabled'],
];

/** Times within `years` before now, with `random` deciding where. */
export function practiceDirectory(now: number, random: Random, years = 3): Directory {
  const span = years * 365 * DAY;
  const stamp = (): { created: number; modified: number } => {
    const created = now - 30 * DAY - random.below(span - 30 * DAY);
    return { created, modified: created + random.below(now - created) };
  };
  const warehouses = WAREHOUSES.map(([no, name, type, city, disabled], index): MdWarehouse => ({
    warehouseId: 600 + index,
    warehouseNo: no,
    name,
    type,
    subType: type === 2 ? 1 : 0,
    province: '',
    city,
    district: '',
    address: `${city}物流园${index + 1}号库`,
    contact: '',
    isDisabled: disabled === true,
    ...stamp(),
  }));
  const providers = PROVIDERS.map(([no, name, contact, city, deleted], index): MdProvider => ({
    providerId: 7 + index,
    providerNo: no,
    providerName: name,
    contact,
    mobile: contact === '' ? '' : `13${String(800000000 + index * 7919).padStart(9, '0')}`,
    telno: '',
    province: '',
    city,
    address: '',
    isDisabled: false,
    deleted: deleted === true ? 7 + index : 0,
    ...stamp(),
  }));
  const employees = EMPLOYEES.map(([no, name, shortname, roles, position, gone], index): MdEmployee => ({
    employeeId: 370 + index,
    employeeNo: no,
    name,
    shortname,
    rolesMask: roles,
    positionName: position,
    departmentName: roles & ROLE_PURCHASER ? '采购部' : '仓储部',
    gender: index % 2 === 0 ? 1 : 2,
    isDisabled: gone === 'disabled',
    deleted: gone === 'deleted' ? 370 + index : 0,
    modified: stamp().modified,
  }));
  return { warehouses, providers, employees };
}
