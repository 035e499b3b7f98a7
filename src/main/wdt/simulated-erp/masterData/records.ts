/**
 * Master-data records as the vendor pages' response tables and examples give them. Times go through the
 * TimeWriter: with the 'vendor' style each is text or epoch ms as that page's example writes it
 * (goods_modified and spec_modified in ms, modified text; warehouse and supplier modified in ms).
 */
import type { TimeWriter } from '../queryRows';
import type { MdEmployee, MdGoods, MdProvider, MdSpec, MdSuite, MdWarehouse } from './types';

/** The six custom properties (自定义属性1-6) of goods and suites: never filled in the practice ERP. */
const BLANK_PROPS = { prop1: '', prop2: '', prop3: '', prop4: '', prop5: '', prop6: '' } as const;

export function goodsRecord(
  goods: MdGoods,
  specs: readonly MdSpec[],
  time: TimeWriter,
): Record<string, unknown> {
  return {
    goods_id: goods.goodsId,
    goods_no: goods.goodsNo,
    goods_name: goods.goodsName,
    short_name: goods.shortName,
    alias: '',
    goods_type: 1,
    spec_count: goods.specs.length,
    brand_name: goods.brandName,
    brand_id: 2000 + (goods.brandName.length % 97),
    remark: '',
    ...BLANK_PROPS,
    origin: '',
    class_name: goods.className,
    class_id: 7,
    unit_name: goods.unitName,
    aux_unit_name: '',
    flag_name: '无',
    deleted: goods.deleted,
    goods_modified: time(goods.modified, true),
    goods_created: time(goods.created, false),
    modified: time(goods.modified, false),
    brand_no: '',
    washing_label: '',
    spec_list: specs.map((spec) => specRecord(spec, time)),
  };
}

function specRecord(spec: MdSpec, time: TimeWriter): Record<string, unknown> {
  return {
    goods_id: spec.goodsId,
    spec_id: spec.specId,
    spec_no: spec.specNo,
    spec_code: spec.specCode,
    barcode: spec.barcodes[0] ?? '',
    spec_name: spec.specName,
    lowest_price: 0,
    retail_price: spec.retailPrice,
    wholesale_price: 0,
    member_price: 0,
    market_price: 0,
    validity_days: 0,
    sales_days: 0,
    receive_days: 0,
    weight: spec.weight,
    length: 0,
    width: 0,
    height: 0,
    sn_type: 0,
    is_lower_cost: false,
    is_not_use_air: 0,
    wms_process_mask: 0,
    tax_rate: 0,
    large_type: 0,
    goods_label: '',
    deleted: spec.deleted,
    remark: '',
    spec_modified: time(spec.modified, true),
    spec_created: time(spec.created, false),
    img_url: '',
    spec_unit_name: '',
    spec_aux_unit_name: '',
    tax_code: '',
    barcode_count: spec.barcodes.length,
    is_not_need_examine: 0,
    barcode_list: spec.barcodes.map((barcode, index) => ({
      barcode,
      type: 1,
      is_master: index === 0 ? 1 : 0,
      modified: time(spec.modified, false),
    })),
  };
}

/** `parts`: each detail's spec and goods, when the practice ERP knows them. */
export function suiteRecord(
  suite: MdSuite,
  parts: readonly ({ goods: MdGoods; spec: MdSpec } | undefined)[],
  time: TimeWriter,
): Record<string, unknown> {
  return {
    suite_id: suite.suiteId,
    suite_no: suite.suiteNo,
    suite_name: suite.suiteName,
    short_name: suite.suiteName,
    weight: 0,
    member_price: 0,
    remark: '',
    brand_id: 2014,
    brand_name: suite.brandName,
    retail_price: suite.retailPrice,
    flag_name: '无',
    unit_name: '无',
    aux_unit_name: '无',
    ...BLANK_PROPS,
    wholesale_price: 0,
    market_price: 0,
    goods_label: '',
    barcode: suite.barcode,
    class_name: suite.className,
    print_suite_mode: 0,
    deleted: suite.deleted,
    suite_modified: time(suite.modified, false),
    suite_created: time(suite.created, false),
    barcode_count: suite.barcode === '' ? 0 : 1,
    detail_list: suite.details.map((detail, index) => {
      const part = parts[index];
      return {
        rec_id: suite.suiteId * 10 + index,
        suite_id: suite.suiteId,
        spec_no: detail.specNo,
        spec_id: part?.spec.specId ?? 0,
        unit: 0,
        deleted: 0,
        spec_name: part?.spec.specName ?? '',
        spec_code: part?.spec.specCode ?? '',
        barcode: part?.spec.barcodes[0] ?? '',
        goods_no: part?.goods.goodsNo ?? '',
        goods_id: part?.goods.goodsId ?? 0,
        goods_name: part?.goods.goodsName ?? '',
        num: detail.num,
        fixed_price: 0,
        ratio: Math.round((1 / suite.details.length) * 10_000) / 10_000,
        is_fixed_price: false,
        modified: time(suite.modified, false),
        created: time(suite.created, false),
      };
    }),
  };
}

export function warehouseRecord(warehouse: MdWarehouse, time: TimeWriter): Record<string, unknown> {
  return {
    warehouse_id: warehouse.warehouseId,
    warehouse_no: warehouse.warehouseNo,
    name: warehouse.name,
    zip: '',
    address: warehouse.address,
    province: warehouse.province,
    city: warehouse.city,
    district: warehouse.district,
    mobile: '',
    remark: '',
    type: warehouse.type,
    telno: '',
    sub_type: warehouse.subType,
    contact: warehouse.contact,
    modified: time(warehouse.modified, true),
    is_disabled: warehouse.isDisabled,
    created: time(warehouse.created, false),
    purchase_contact: '',
    purchase_telno: '',
    purchase_address: '',
  };
}

export function providerRecord(provider: MdProvider, time: TimeWriter): Record<string, unknown> {
  return {
    provider_id: provider.providerId,
    provider_no: provider.providerNo,
    provider_name: provider.providerName,
    contact: provider.contact,
    follower_name: '系统',
    telno: provider.telno,
    mobile: provider.mobile,
    fax: '',
    zip: '',
    email: '',
    qq: '',
    wangwang: '',
    address: provider.address,
    website: '',
    arrive_cycle_days: 3,
    remark: '',
    is_disabled: provider.isDisabled,
    deleted: provider.deleted,
    modified: time(provider.modified, true),
    created: time(provider.created, true),
    province: provider.province,
    city: provider.city,
    district: '',
    account_bank: '',
    collect_name: '',
    account_bank_no: '',
  };
}

/** The page lists no time field for employees, so none is written. */
export function employeeRecord(employee: MdEmployee): Record<string, unknown> {
  return {
    employee_id: employee.employeeId,
    employee_no: employee.employeeNo,
    name: employee.name,
    shortname: employee.shortname,
    gender: employee.gender,
    position_name: employee.positionName,
    department_name: employee.departmentName,
    roles_mask: employee.rolesMask,
    remark: '',
    is_system_user: false,
    is_disabled: employee.isDisabled,
    deleted: employee.deleted,
  };
}
