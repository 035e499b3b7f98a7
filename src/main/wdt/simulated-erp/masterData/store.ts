/**
 * The practice ERP's master data with the lookups its query methods need (by code, by modified time) and
 * the edits tests make between two syncs. Every edit stamps `modified` with the simulator's clock, as the
 * ERP does when someone edits a record, so an incremental sync from before the edit finds it.
 */
import { TimeIndex } from './timeIndex';
import type {
  MasterData,
  MdEmployee,
  MdGoods,
  MdProvider,
  MdSpec,
  MdSuite,
  MdSuiteDetail,
  MdWarehouse,
} from './types';

interface SpecChange {
  readonly specNo: string;
  /** The goods to add a new spec to (created when unknown); the spec_no by default. Ignored on change. */
  readonly goodsNo?: string;
  readonly goodsName?: string;
  readonly specName?: string;
  /** The whole list, the 主条码 first. */
  readonly barcodes?: readonly string[];
}

interface SuiteChange {
  readonly suiteNo: string;
  readonly suiteName?: string;
  readonly barcode?: string;
  readonly details?: readonly MdSuiteDetail[];
}

interface MasterDataCounts {
  readonly goods: number;
  readonly specs: number;
  readonly barcodes: number;
  readonly suites: number;
  readonly warehouses: number;
  readonly providers: number;
  readonly employees: number;
}

/** What tests may change in the practice ERP's master data (Simulator.masterData). */
export interface MasterDataDesk {
  upsertSpec(change: SpecChange): void;
  addBarcode(specNo: string, barcode: string): void;
  deleteSpec(specNo: string): void;
  /** Deletes the goods and every spec of it. */
  deleteGoods(goodsNo: string): void;
  upsertSuite(change: SuiteChange): void;
  deleteSuite(suiteNo: string): void;
  upsertWarehouse(change: {
    readonly warehouseNo: string;
    readonly name?: string;
    readonly type?: number;
  }): void;
  /** 停用: queryWarehouse hides it unless hide_delete=0. */
  disableWarehouse(warehouseNo: string): void;
  upsertProvider(change: { readonly providerNo: string; readonly providerName?: string }): void;
  deleteProvider(providerNo: string): void;
  upsertEmployee(change: {
    readonly employeeNo: string;
    readonly shortname?: string;
    readonly name?: string;
    readonly rolesMask?: number;
  }): void;
  deleteEmployee(employeeNo: string): void;
  /** Records held, deleted ones included. */
  counts(): MasterDataCounts;
}

export interface MasterDataStore {
  readonly data: MasterData;
  goodsByNo(goodsNo: string): MdGoods | undefined;
  specByNo(specNo: string): { readonly goods: MdGoods; readonly spec: MdSpec } | undefined;
  suiteByNo(suiteNo: string): MdSuite | undefined;
  /** Goods whose own or any spec's modified time falls in [from, to], by goods_id. */
  goodsModifiedBetween(from: number, to: number): MdGoods[];
  suitesModifiedBetween(from: number, to: number): MdSuite[];
  readonly desk: MasterDataDesk;
}

export function createMasterDataStore(data: MasterData, now: () => number): MasterDataStore {
  const goodsByNo = new Map<string, MdGoods>();
  const specByNo = new Map<string, { goods: MdGoods; spec: MdSpec }>();
  for (const goods of data.goods) {
    goodsByNo.set(goods.goodsNo, goods);
    for (const spec of goods.specs) specByNo.set(spec.specNo, { goods, spec });
  }
  const suiteByNo = new Map(data.suites.map((suite) => [suite.suiteNo, suite]));
  const goodsIndex = new TimeIndex<MdGoods>(data.goods, (goods) => [goods, ...goods.specs]);
  const suiteIndex = new TimeIndex<MdSuite>(data.suites, (suite) => [suite]);
  // Loops, not Math.max(...ids): 200,000 arguments would overflow the stack.
  let nextGoodsId = 1;
  let nextSpecId = 1;
  for (const goods of data.goods) {
    nextGoodsId = Math.max(nextGoodsId, goods.goodsId + 1);
    for (const spec of goods.specs) nextSpecId = Math.max(nextSpecId, spec.specId + 1);
  }
  let nextSuiteId = 1;
  for (const suite of data.suites) nextSuiteId = Math.max(nextSuiteId, suite.suiteId + 1);

  const stamp = (): number => Math.floor(now());
  const known = <T>(value: T | undefined, what: string, code: string): T => {
    if (value === undefined) throw new Error(`the practice ERP has no ${what} ${code}`);
    return value;
  };
  const touchSpec = (goods: MdGoods, spec: MdSpec): void => {
    spec.modified = stamp();
    goodsIndex.add(goods, spec);
  };
  const touchSuite = (suite: MdSuite): void => {
    suite.modified = stamp();
    suiteIndex.add(suite, suite);
  };

  const desk: MasterDataDesk = {
    upsertSpec(change) {
      const found = specByNo.get(change.specNo);
      if (found) {
        if (change.specName !== undefined) found.spec.specName = change.specName;
        if (change.barcodes !== undefined) found.spec.barcodes = [...change.barcodes];
        if (change.goodsName !== undefined) found.goods.goodsName = change.goodsName;
        touchSpec(found.goods, found.spec);
        return;
      }
      const goodsNo = change.goodsNo ?? change.specNo;
      let goods = goodsByNo.get(goodsNo);
      if (!goods) {
        const at = stamp();
        goods = {
          goodsId: nextGoodsId++,
          goodsNo,
          goodsName: change.goodsName ?? change.specName ?? goodsNo,
          shortName: '',
          brandName: '',
          className: '无',
          unitName: '个',
          deleted: 0,
          created: at,
          modified: at,
          specs: [],
        };
        data.goods.push(goods);
        goodsByNo.set(goodsNo, goods);
        goodsIndex.add(goods, goods);
      }
      const at = stamp();
      const spec: MdSpec = {
        specId: nextSpecId++,
        goodsId: goods.goodsId,
        specNo: change.specNo,
        specName: change.specName ?? '',
        specCode: '',
        barcodes: [...(change.barcodes ?? [])],
        retailPrice: 0,
        weight: 0,
        deleted: 0,
        created: at,
        modified: at,
      };
      goods.specs.push(spec);
      specByNo.set(spec.specNo, { goods, spec });
      goodsIndex.add(goods, spec);
    },
    addBarcode(specNo, barcode) {
      const { goods, spec } = known(specByNo.get(specNo), 'spec', specNo);
      spec.barcodes = [...spec.barcodes, barcode];
      touchSpec(goods, spec);
    },
    deleteSpec(specNo) {
      const { goods, spec } = known(specByNo.get(specNo), 'spec', specNo);
      spec.deleted = spec.specId;
      touchSpec(goods, spec);
    },
    deleteGoods(goodsNo) {
      const goods = known(goodsByNo.get(goodsNo), 'goods', goodsNo);
      goods.deleted = goods.goodsId;
      goods.modified = stamp();
      goodsIndex.add(goods, goods);
      for (const spec of goods.specs) {
        spec.deleted = spec.specId;
        touchSpec(goods, spec);
      }
    },
    upsertSuite(change) {
      let suite = suiteByNo.get(change.suiteNo);
      if (!suite) {
        suite = {
          suiteId: nextSuiteId++,
          suiteNo: change.suiteNo,
          suiteName: change.suiteNo,
          barcode: '',
          brandName: '',
          className: '组合装',
          retailPrice: 0,
          details: [],
          deleted: 0,
          created: stamp(),
          modified: stamp(),
        };
        data.suites.push(suite);
        suiteByNo.set(suite.suiteNo, suite);
      }
      if (change.suiteName !== undefined) suite.suiteName = change.suiteName;
      if (change.barcode !== undefined) suite.barcode = change.barcode;
      if (change.details !== undefined) suite.details = change.details.map((d) => ({ ...d }));
      touchSuite(suite);
    },
    deleteSuite(suiteNo) {
      const suite = known(suiteByNo.get(suiteNo), 'suite', suiteNo);
      suite.deleted = suite.suiteId;
      touchSuite(suite);
    },
    upsertWarehouse(change) {
      const found = data.warehouses.find((w) => w.warehouseNo === change.warehouseNo);
      const warehouse: MdWarehouse = found ?? {
        warehouseId: Math.max(0, ...data.warehouses.map((w) => w.warehouseId)) + 1,
        warehouseNo: change.warehouseNo,
        name: change.warehouseNo,
        type: 1,
        subType: 0,
        province: '',
        city: '',
        district: '',
        address: '',
        contact: '',
        isDisabled: false,
        created: stamp(),
        modified: stamp(),
      };
      if (!found) data.warehouses.push(warehouse);
      if (change.name !== undefined) warehouse.name = change.name;
      if (change.type !== undefined) warehouse.type = change.type;
      warehouse.modified = stamp();
    },
    disableWarehouse(warehouseNo) {
      const warehouse = known(
        data.warehouses.find((w) => w.warehouseNo === warehouseNo),
        'warehouse',
        warehouseNo,
      );
      warehouse.isDisabled = true;
      warehouse.modified = stamp();
    },
    upsertProvider(change) {
      const found = data.providers.find((p) => p.providerNo === change.providerNo);
      const provider: MdProvider = found ?? {
        providerId: Math.max(0, ...data.providers.map((p) => p.providerId)) + 1,
        providerNo: change.providerNo,
        providerName: change.providerNo,
        contact: '',
        mobile: '',
        telno: '',
        province: '',
        city: '',
        address: '',
        isDisabled: false,
        deleted: 0,
        created: stamp(),
        modified: stamp(),
      };
      if (!found) data.providers.push(provider);
      if (change.providerName !== undefined) provider.providerName = change.providerName;
      provider.modified = stamp();
    },
    deleteProvider(providerNo) {
      const provider = known(
        data.providers.find((p) => p.providerNo === providerNo),
        'provider',
        providerNo,
      );
      provider.deleted = provider.providerId;
      provider.modified = stamp();
    },
    upsertEmployee(change) {
      const found = data.employees.find((e) => e.employeeNo === change.employeeNo);
      const employee: MdEmployee = found ?? {
        employeeId: Math.max(0, ...data.employees.map((e) => e.employeeId)) + 1,
        employeeNo: change.employeeNo,
        name: '',
        shortname: change.employeeNo,
        rolesMask: 0,
        positionName: '',
        departmentName: '',
        gender: 0,
        isDisabled: false,
        deleted: 0,
        modified: stamp(),
      };
      if (!found) data.employees.push(employee);
      if (change.shortname !== undefined) employee.shortname = change.shortname;
      if (change.name !== undefined) employee.name = change.name;
      if (change.rolesMask !== undefined) employee.rolesMask = change.rolesMask;
      employee.modified = stamp();
    },
    deleteEmployee(employeeNo) {
      const employee = known(
        data.employees.find((e) => e.employeeNo === employeeNo),
        'employee',
        employeeNo,
      );
      employee.deleted = employee.employeeId;
      employee.modified = stamp();
    },
    counts() {
      let specs = 0;
      let barcodes = 0;
      for (const goods of data.goods) {
        specs += goods.specs.length;
        for (const spec of goods.specs) barcodes += spec.barcodes.length;
      }
      return {
        goods: data.goods.length,
        specs,
        barcodes,
        suites: data.suites.length,
        warehouses: data.warehouses.length,
        providers: data.providers.length,
        employees: data.employees.length,
      };
    },
  };

  return {
    data,
    goodsByNo: (goodsNo) => goodsByNo.get(goodsNo),
    specByNo: (specNo) => specByNo.get(specNo),
    suiteByNo: (suiteNo) => suiteByNo.get(suiteNo),
    goodsModifiedBetween: (from, to) =>
      goodsIndex.ownersBetween(from, to).sort((a, b) => a.goodsId - b.goodsId),
    suitesModifiedBetween: (from, to) =>
      suiteIndex.ownersBetween(from, to).sort((a, b) => a.suiteId - b.suiteId),
    desk,
  };
}
