/**
 * The practice ERP's answers to the paged query methods (queryModels.ts), as their vendor pages and
 * PROTOCOL.md describe them: the pager is required (`此方法仅支持分页查询`), params are checked by name, the
 * window is required unless a document number is given and refused when wider than the page allows, and
 * "nothing found" comes in either of the ERP's forms. Everything answered comes from the created documents.
 */
import type { ErpResponse } from '../../../shared/outcome';
import type { CreatedDocument } from './documents';
import { queryModel, type QueryModel, type QueryRow, type TimeWriter } from './queryModels';
import { readServerTime, serverTimeText } from './serverTime';

export interface QueryStyle {
  /** 'emptyList': status 0 with an empty list; 'status100': status 100 未找到符合条件的订单. */
  readonly notFound: 'emptyList' | 'status100';
  /** Document times: 'vendor' as each page's example gives them, or all as text, or all as epoch ms. */
  readonly times: 'vendor' | 'text' | 'epochMs';
  /** Query methods the API account may not call, with the ERP's refusal (e.g. 权限不足). */
  readonly refused: Readonly<Record<string, string>>;
}

export const defaultQueryStyle: QueryStyle = { notFound: 'emptyList', times: 'vendor', refused: {} };

export const NOT_FOUND_MESSAGE = '未找到符合条件的订单';
const MAX_PAGE_SIZE = 2000;
const WINDOW_KEYS = new Set(['start_time', 'end_time']);
/** Params that shape the search but are not compared with a record's values. */
const UNFILTERED = new Set(['start_time', 'end_time', 'time_type', 'fuzzy_query']);

export function isQueryMethod(method: string): boolean {
  return queryModel(method) !== undefined;
}

export interface QueryRequest {
  readonly sid: string;
  readonly method: string;
  /** The signed query string: page_size, page_no, calc_total. */
  readonly query: URLSearchParams;
  readonly args: unknown;
}

export function answerQuery(
  request: QueryRequest,
  created: readonly CreatedDocument[],
  style: QueryStyle,
): ErpResponse {
  const model = queryModel(request.method);
  if (!model) return { status: 1, message: `method not exists: ${request.method}` };
  const refusal = style.refused[model.method];
  if (refusal !== undefined) return { status: 100, message: refusal };
  const pager = readPager(request.query);
  if (!pager.ok) return pager.refusal;
  const params = readParams(model, request.args);
  if (!params.ok) return params.refusal;
  const window = readWindow(model, params.values);
  if (!window.ok) return window.refusal;

  const time: TimeWriter = (ms, vendorGivesEpochMs) =>
    style.times === 'epochMs' || (style.times === 'vendor' && vendorGivesEpochMs) ? ms : serverTimeText(ms);
  const own = created.filter((doc) => doc.sid === request.sid);
  const rows = model
    .rows(own, time)
    .filter((row) => inWindow(row, window.range) && matches(row, params.values))
    .sort((a, b) => a.at - b.at);
  if (rows.length === 0 && style.notFound === 'status100') return { status: 100, message: NOT_FOUND_MESSAGE };
  const page = rows.slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize);
  return {
    status: 0,
    data: {
      ...(pager.calcTotal ? { total_count: rows.length } : {}),
      [model.listKey]: page.map((row) => row.record),
    },
  };
}

type Check<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly refusal: ErpResponse };

/** The pager from the signed query string; shared with the master-data methods. */
export function readPager(
  query: URLSearchParams,
): Check<{ pageSize: number; pageNo: number; calcTotal: boolean }> {
  const size = query.get('page_size');
  const no = query.get('page_no');
  if (size === null || no === null || size === '' || no === '') return refuse(100, '此方法仅支持分页查询');
  if (!/^\d+$/.test(size) || !/^\d+$/.test(no)) return refuse(1, 'argument type mismatch');
  const pageSize = Number(size);
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) return refuse(100, `分页大小不能超过${MAX_PAGE_SIZE}`);
  return { ok: true, pageSize, pageNo: Number(no), calcTotal: query.get('calc_total') === '1' };
}

/** The one params object, its keys checked against `model.params`; shared with the master-data methods. */
export function readParams(
  model: Pick<QueryModel, 'params'>,
  args: unknown,
): Check<{ values: ReadonlyMap<string, string> }> {
  if (!Array.isArray(args) || args.length !== 1) return refuse(1, '参数个数错误');
  const [params] = args as unknown[];
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return refuse(1, 'argument type mismatch');
  }
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(params)) {
    if (!model.params.includes(key)) return refuse(2, key);
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      return refuse(1, 'argument type mismatch');
    }
    const text = String(value).trim();
    if (text !== '') values.set(key, text);
  }
  return { ok: true, values };
}

function readWindow(
  model: QueryModel,
  values: ReadonlyMap<string, string>,
): Check<{ range: { from: number; to: number } | undefined }> {
  if (model.windowIgnoredWith !== undefined && values.has(model.windowIgnoredWith)) {
    return { ok: true, range: undefined };
  }
  const start = values.get('start_time');
  const end = values.get('end_time');
  if (start === undefined && end === undefined && model.numberKeys.some((key) => values.has(key))) {
    return { ok: true, range: undefined };
  }
  if (start === undefined || end === undefined) return refuse(100, '参数中必须包含起止时间');
  const from = readServerTime(start);
  const to = readServerTime(end);
  if (from === undefined || to === undefined) return refuse(100, '时间格式错误，应为 yyyy-MM-dd HH:mm:ss');
  if (to < from) return refuse(100, '开始时间不能大于结束时间');
  if (model.maxWindow && to - from > model.maxWindow.ms) {
    return refuse(100, `您的查询时间过宽,查询时间不能大于${model.maxWindow.words}`);
  }
  return { ok: true, range: { from, to } };
}

/** The ERP compares whole seconds, both bounds included. */
function inWindow(row: QueryRow, range: { from: number; to: number } | undefined): boolean {
  if (!range) return true;
  const at = Math.floor(row.at / 1000) * 1000;
  return at >= range.from && at <= range.to;
}

function matches(row: QueryRow, values: ReadonlyMap<string, string>): boolean {
  for (const [key, wanted] of values) {
    if (UNFILTERED.has(key) || WINDOW_KEYS.has(key)) continue;
    const have = row.filters[key];
    if (have === undefined) continue;
    // status takes a comma-separated list of codes.
    const accepted = key === 'status' ? wanted.split(',').map((code) => code.trim()) : [wanted];
    const values = typeof have === 'string' ? [have] : have;
    if (!values.some((value) => accepted.includes(value))) return false;
  }
  return true;
}

function refuse(status: number, message: string): { ok: false; refusal: ErpResponse } {
  return { ok: false, refusal: { status, message } };
}
