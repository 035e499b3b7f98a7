/**
 * The practice ERP's own master data: goods with specs and barcodes, suites (组合装), warehouses,
 * suppliers and employees, shaped after the vendor pages in ../shared/wdt-api/master-data/. Times are
 * server-clock ms. Records are mutable on purpose: the store stamps changes in place so tests of
 * incremental sync can edit the ERP between two syncs.
 */

export interface MdSpec {
  readonly specId: number;
  readonly goodsId: number;
  readonly specNo: string;
  specName: string;
  specCode: string;
  /** Every barcode; the first is the 主条码. Empty when the spec has none. */
  barcodes: string[];
  retailPrice: number;
  weight: number;
  /** 0: present; > 0: deleted (the ERP writes the record's id). */
  deleted: number;
  modified: number;
  readonly created: number;
}

export interface MdGoods {
  readonly goodsId: number;
  readonly goodsNo: string;
  goodsName: string;
  shortName: string;
  brandName: string;
  className: string;
  unitName: string;
  deleted: number;
  modified: number;
  readonly created: number;
  readonly specs: MdSpec[];
}

export interface MdSuiteDetail {
  readonly specNo: string;
  readonly num: number;
}

export interface MdSuite {
  readonly suiteId: number;
  readonly suiteNo: string;
  suiteName: string;
  /** The suite's one barcode ('' when none). */
  barcode: string;
  brandName: string;
  className: string;
  retailPrice: number;
  details: MdSuiteDetail[];
  deleted: number;
  modified: number;
  readonly created: number;
}

export interface MdWarehouse {
  readonly warehouseId: number;
  readonly warehouseNo: string;
  name: string;
  /** 1 普通, 2 自流转, 3 平台, 4 京东沧海, 6 抖音云仓, 125 代发仓, 126 分销委外. */
  type: number;
  subType: number;
  province: string;
  city: string;
  district: string;
  address: string;
  contact: string;
  isDisabled: boolean;
  modified: number;
  readonly created: number;
}

export interface MdProvider {
  readonly providerId: number;
  readonly providerNo: string;
  providerName: string;
  contact: string;
  mobile: string;
  telno: string;
  province: string;
  city: string;
  address: string;
  isDisabled: boolean;
  deleted: number;
  modified: number;
  readonly created: number;
}

export interface MdEmployee {
  readonly employeeId: number;
  readonly employeeNo: string;
  name: string;
  /** 昵称: what purchaser_name must be. */
  shortname: string;
  /** 工种 bits: 1 业务员 ... 512 采购员 1024 质检员 2048 生产员. */
  rolesMask: number;
  positionName: string;
  departmentName: string;
  gender: number;
  isDisabled: boolean;
  deleted: number;
  modified: number;
}

export interface MasterData {
  readonly goods: MdGoods[];
  readonly suites: MdSuite[];
  readonly warehouses: MdWarehouse[];
  readonly providers: MdProvider[];
  readonly employees: MdEmployee[];
}

export const ROLE_PURCHASER = 512;
