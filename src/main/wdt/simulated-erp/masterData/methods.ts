/**
 * The practice ERP's answers to the master-data query methods, as their vendor pages in
 * ../shared/wdt-api/master-data/ state them: pager required, params checked by name (as queries.ts does),
 * goods and suites limited to 30-day windows on the goods-or-spec (suite) modified time with times
 * required unless a code is given, deleted records hidden by default, Employee.search requiring both
 * times. Where a page states no limit (warehouses, suppliers, employees) the simulator is permissive.
 */
import type { ErpResponse } from '../../../../shared/outcome';
import { readPager, readParams, NOT_FOUND_MESSAGE, type QueryRequest, type QueryStyle } from '../queries';
import type { TimeWriter } from '../queryRows';
import { readServerTime, serverTimeText } from '../serverTime';
import { employeeRecord, goodsRecord, providerRecord, suiteRecord, warehouseRecord } from './records';
import type { MasterDataStore } from './store';
import type { MdGoods, MdSpec, MdSuite } from './types';

const THIRTY_DAYS_MS = 30 * 86_400_000;

const PARAMS = {
  'goods.Goods.queryWithSpec': [
    'spec_no',
    'goods_no',
    'brand_name',
    'class_name',
    'barcode',
    'hide_deleted',
    'start_time',
    'end_time',
  ],
  'goods.Suite.search': [
    'spec_no',
    'goods_no',
    'brand_name',
    'class_name',
    'barcode',
    'suite_no',
    'suite_name',
    'hide_deleted',
    'start_time',
    'end_time',
  ],
  'setting.Warehouse.queryWarehouse': [
    'warehouse_no',
    'warehouse_name',
    'type',
    'sub_type',
    'start_time',
    'end_time',
    'hide_delete',
  ],
  'setting.PurchaseProvider.queryDetail': [
    'provider_no',
    'provider_name',
    'telno',
    'mobile',
    'description',
    'contact',
    'created_begin',
    'created_end',
    'modified_begin',
    'modified_end',
    'is_disabled',
    'deleted',
  ],
  'setting.Employee.search': ['start_time', 'end_time', 'employee_no'],
} as const satisfies Record<string, readonly string[]>;

type MasterDataMethod = keyof typeof PARAMS;

export function isMasterDataMethod(method: string): method is MasterDataMethod {
  return Object.hasOwn(PARAMS, method);
}

type Params = ReadonlyMap<string, string>;
/** Each record is built only if its page is answered: a window may hold thousands of goods. */
type Build = () => Record<string, unknown>;
type Listing = { readonly ok: true; readonly listKey: string; readonly records: readonly Build[] };
type Refusal = { readonly ok: false; readonly refusal: ErpResponse };
type Range = { readonly from: number; readonly to: number };

/** Settings of the practice ERP where real ERPs differ from the pages. */
interface MasterDataOptions {
  /** Warehouses and suppliers refuse a query without times, as Employee.search does. */
  readonly timesRequired: boolean;
}

export function answerMasterData(
  request: QueryRequest,
  store: MasterDataStore,
  style: QueryStyle,
  serverNow: number,
  options: MasterDataOptions = { timesRequired: false },
): ErpResponse {
  const method = request.method;
  if (!isMasterDataMethod(method)) return { status: 1, message: `method not exists: ${method}` };
  const refusal = style.refused[method];
  if (refusal !== undefined) return { status: 100, message: refusal };
  const pager = readPager(request.query);
  if (!pager.ok) return pager.refusal;
  const params = readParams({ params: PARAMS[method] }, request.args);
  if (!params.ok) return params.refusal;

  const texts = new Map<number, string>();
  // One page writes thousands of times, most shared within a record: format each once.
  const asText = (ms: number): string => {
    let text = texts.get(ms);
    if (text === undefined) texts.set(ms, (text = serverTimeText(ms)));
    return text;
  };
  const time: TimeWriter = (ms, vendorGivesEpochMs) =>
    style.times === 'epochMs' || (style.times === 'vendor' && vendorGivesEpochMs) ? ms : asText(ms);
  if (options.timesRequired && lacksTimes(method, params.values))
    return refuse('参数中必须包含起止时间').refusal;
  const listing = list(method, params.values, store, time, serverNow);
  if (!listing.ok) return listing.refusal;
  const { records, listKey } = listing;
  if (records.length === 0 && style.notFound === 'status100')
    return { status: 100, message: NOT_FOUND_MESSAGE };
  return {
    status: 0,
    data: {
      ...(pager.calcTotal ? { total_count: records.length } : {}),
      [listKey]: records
        .slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize)
        .map((build) => build()),
    },
  };
}

function list(
  method: MasterDataMethod,
  values: Params,
  store: MasterDataStore,
  time: TimeWriter,
  serverNow: number,
): Listing | Refusal {
  switch (method) {
    case 'goods.Goods.queryWithSpec':
      return goodsListing(values, store, time, serverNow);
    case 'goods.Suite.search':
      return suiteListing(values, store, time, serverNow);
    case 'setting.Warehouse.queryWarehouse':
      return warehouseListing(values, store, time);
    case 'setting.PurchaseProvider.queryDetail':
      return providerListing(values, store, time);
    case 'setting.Employee.search':
      return employeeListing(values, store);
  }
}

function goodsListing(
  values: Params,
  store: MasterDataStore,
  time: TimeWriter,
  serverNow: number,
): Listing | Refusal {
  const window = goodsWindow(values, ['spec_no', 'goods_no'], serverNow);
  if (!window.ok) return window;
  const hideDeleted = hides(values.get('hide_deleted'));
  const specNo = values.get('spec_no');
  const goodsNo = values.get('goods_no');
  const barcode = values.get('barcode');
  let candidates: readonly MdGoods[];
  if (window.range) candidates = store.goodsModifiedBetween(window.range.from, window.range.to);
  else if (specNo !== undefined) candidates = optional(store.specByNo(specNo)?.goods);
  else candidates = optional(goodsNo === undefined ? undefined : store.goodsByNo(goodsNo));

  const records: Build[] = [];
  for (const goods of candidates) {
    if (goodsNo !== undefined && goods.goodsNo !== goodsNo) continue;
    if (!sameText(values.get('brand_name'), goods.brandName)) continue;
    if (!sameText(values.get('class_name'), goods.className)) continue;
    if (hideDeleted && goods.deleted !== 0) continue;
    const specs = goods.specs.filter(
      (spec: MdSpec) =>
        !(hideDeleted && spec.deleted !== 0) &&
        (specNo === undefined || spec.specNo === specNo) &&
        (barcode === undefined || spec.barcodes.includes(barcode)),
    );
    // A goods whose specs are all hidden (or none matches the spec_no/barcode asked for) is not listed.
    if (specs.length === 0) continue;
    records.push(() => goodsRecord(goods, specs, time));
  }
  return { ok: true, listKey: 'goods_list', records };
}

function suiteListing(
  values: Params,
  store: MasterDataStore,
  time: TimeWriter,
  serverNow: number,
): Listing | Refusal {
  const window = goodsWindow(values, ['suite_no'], serverNow);
  if (!window.ok) return window;
  const hideDeleted = hides(values.get('hide_deleted'));
  const suiteNo = values.get('suite_no');
  const candidates: readonly MdSuite[] = window.range
    ? store.suitesModifiedBetween(window.range.from, window.range.to)
    : optional(suiteNo === undefined ? undefined : store.suiteByNo(suiteNo));
  const records: Build[] = [];
  for (const suite of candidates) {
    if (hideDeleted && suite.deleted !== 0) continue;
    if (suiteNo !== undefined && suite.suiteNo !== suiteNo) continue;
    if (!sameText(values.get('suite_name'), suite.suiteName)) continue;
    if (!sameText(values.get('barcode'), suite.barcode)) continue;
    if (!sameText(values.get('brand_name'), suite.brandName)) continue;
    if (!sameText(values.get('class_name'), suite.className)) continue;
    const parts = suite.details.map((detail) => store.specByNo(detail.specNo));
    const specNo = values.get('spec_no');
    if (specNo !== undefined && !suite.details.some((d) => d.specNo === specNo)) continue;
    const goodsNo = values.get('goods_no');
    if (goodsNo !== undefined && !parts.some((part) => part?.goods.goodsNo === goodsNo)) continue;
    records.push(() => suiteRecord(suite, parts, time));
  }
  return { ok: true, listKey: 'suite_list', records };
}

/** The page states no 时间跨度 and marks every param optional: without times, every warehouse. */
function warehouseListing(values: Params, store: MasterDataStore, time: TimeWriter): Listing | Refusal {
  const range = optionalRange(values, 'start_time', 'end_time', false);
  if (!range.ok) return range;
  const hideDisabled = hides(values.get('hide_delete'));
  const records = store.data.warehouses
    .filter(
      (w) =>
        !(hideDisabled && w.isDisabled) &&
        inRange(w.modified, range.range) &&
        sameText(values.get('warehouse_no'), w.warehouseNo) &&
        sameText(values.get('warehouse_name'), w.name) &&
        sameText(values.get('type'), String(w.type)) &&
        sameText(values.get('sub_type'), String(w.subType)),
    )
    .sort((a, b) => a.warehouseId - b.warehouseId)
    .map((w) => () => warehouseRecord(w, time));
  return { ok: true, listKey: 'details', records };
}

/**
 * The page states no 时间跨度 and marks every param optional. Its own example sends dates alone
 * ('2022-03-01'), so those are read as whole days. Without `deleted`, deleted suppliers are listed too
 * (with deleted > 0): the page gives the filter but no default.
 */
function providerListing(values: Params, store: MasterDataStore, time: TimeWriter): Listing | Refusal {
  const created = optionalRange(values, 'created_begin', 'created_end', true);
  if (!created.ok) return created;
  const modified = optionalRange(values, 'modified_begin', 'modified_end', true);
  if (!modified.ok) return modified;
  const deleted = flag(values.get('deleted'));
  const disabled = flag(values.get('is_disabled'));
  const records = store.data.providers
    .filter(
      (p) =>
        inRange(p.created, created.range) &&
        inRange(p.modified, modified.range) &&
        (deleted === undefined || deleted === (p.deleted !== 0)) &&
        (disabled === undefined || disabled === p.isDisabled) &&
        sameText(values.get('provider_no'), p.providerNo) &&
        sameText(values.get('provider_name'), p.providerName) &&
        sameText(values.get('contact'), p.contact) &&
        sameText(values.get('mobile'), p.mobile) &&
        sameText(values.get('telno'), p.telno),
    )
    .sort((a, b) => a.providerId - b.providerId)
    .map((p) => () => providerRecord(p, time));
  return { ok: true, listKey: 'details', records };
}

/**
 * start_time and end_time are required (必须: 是); no 时间跨度 is stated, so any span is answered. The page
 * has no deleted switch and lists `deleted`, so deleted employees are always listed.
 */
function employeeListing(values: Params, store: MasterDataStore): Listing | Refusal {
  if (!values.has('start_time') || !values.has('end_time')) return refuse('参数中必须包含起止时间');
  const range = optionalRange(values, 'start_time', 'end_time', true);
  if (!range.ok) return range;
  const records = store.data.employees
    .filter((e) => inRange(e.modified, range.range) && sameText(values.get('employee_no'), e.employeeNo))
    .sort((a, b) => a.employeeId - b.employeeId)
    .map((e) => () => employeeRecord(e));
  return { ok: true, listKey: 'order_list', records };
}

/**
 * Goods and suites: start_time required unless one of `codes` is given; end_time defaults to now; the
 * span is at most 30 days.
 */
function goodsWindow(
  values: Params,
  codes: readonly string[],
  serverNow: number,
): { ok: true; range: Range | undefined } | Refusal {
  const start = values.get('start_time');
  const end = values.get('end_time');
  if (start === undefined && end === undefined && codes.some((key) => values.has(key))) {
    return { ok: true, range: undefined };
  }
  if (start === undefined) return refuse('参数中必须包含起止时间');
  const from = readServerTime(start);
  const to = end === undefined ? Math.floor(serverNow / 1000) * 1000 : readServerTime(end);
  if (from === undefined || to === undefined) return refuse('时间格式错误，应为 yyyy-MM-dd HH:mm:ss');
  if (to < from) return refuse('开始时间不能大于结束时间');
  if (to - from > THIRTY_DAYS_MS) return refuse('您的查询时间过宽,查询时间不能大于30天');
  return { ok: true, range: { from, to: to + 999 } };
}

/** For the timesRequired setting: a warehouse or supplier query with neither bound. */
function lacksTimes(method: MasterDataMethod, values: Params): boolean {
  if (method === 'setting.Warehouse.queryWarehouse')
    return !values.has('start_time') && !values.has('end_time');
  if (method === 'setting.PurchaseProvider.queryDetail')
    return !['created_begin', 'created_end', 'modified_begin', 'modified_end'].some((key) => values.has(key));
  return false;
}

/** Optional bounds, either may be given alone; `days`: a bare yyyy-MM-dd is the whole day. */
function optionalRange(
  values: Params,
  startKey: string,
  endKey: string,
  days: boolean,
): { ok: true; range: Range | undefined } | Refusal {
  const start = values.get(startKey);
  const end = values.get(endKey);
  if (start === undefined && end === undefined) return { ok: true, range: undefined };
  const from = start === undefined ? -Infinity : readTime(start, days, '00:00:00');
  const to = end === undefined ? Infinity : readTime(end, days, '23:59:59');
  if (from === undefined || to === undefined) return refuse('时间格式错误，应为 yyyy-MM-dd HH:mm:ss');
  if (to < from) return refuse('开始时间不能大于结束时间');
  return { ok: true, range: { from, to: to + 999 } };
}

function readTime(text: string, days: boolean, dayTime: string): number | undefined {
  if (days && /^\d{4}-\d{2}-\d{2}$/.test(text)) return readServerTime(`${text} ${dayTime}`);
  return readServerTime(text);
}

/** The ERP compares whole seconds; `range.to` already covers the last second. */
function inRange(at: number, range: Range | undefined): boolean {
  return range === undefined || (at >= range.from && at <= range.to);
}

/** hide_deleted / hide_delete: hidden unless 0 (or false). */
function hides(value: string | undefined): boolean {
  return value !== '0' && value !== 'false';
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return value === '1' || value === 'true';
}

function sameText(wanted: string | undefined, have: string): boolean {
  return wanted === undefined || wanted === have;
}

function optional<T>(value: T | undefined): readonly T[] {
  return value === undefined ? [] : [value];
}

function refuse(message: string): Refusal {
  return { ok: false, refusal: { status: 100, message } };
}
