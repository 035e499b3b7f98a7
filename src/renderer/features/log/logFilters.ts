/**
 * The log screen's filters as the user sets them (plain strings from the inputs), their mapping to the
 * contract's journal query, and the same matching main applies, so a live change can be placed in (or kept
 * out of) the list without asking main again.
 */
import type { WdtBridge } from '../../../shared/ipc';
import type { JournalEntry, JournalOutcome } from '../../../shared/journal';

export interface LogFilters {
  /** yyyy-MM-dd from a date input, local time, inclusive; '' for no lower bound. */
  readonly fromDate: string;
  /** yyyy-MM-dd, local time, inclusive (the whole day); '' for no upper bound. */
  readonly toDate: string;
  /** A method name, or '' for every document type. */
  readonly method: string;
  readonly outcome: JournalOutcome | '';
  readonly operator: string;
  readonly profileName: string;
  /** Document number, business key, or any text in the body sent (spec_no, SN). */
  readonly text: string;
}

/** The query as the bridge takes it, without paging: also what the export takes. */
export type LogQuery = Omit<Parameters<WdtBridge['queryJournal']>[0], 'offset' | 'limit'>;

type FilterMapping =
  { readonly ok: true; readonly query: LogQuery } | { readonly ok: false; readonly message: string };

/** How many days "the last 30 days" reaches back, counting today. */
const DEFAULT_RANGE_DAYS = 30;

export function defaultLogFilters(now: Date): LogFilters {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (DEFAULT_RANGE_DAYS - 1));
  return {
    fromDate: formatLocalDate(from),
    toDate: formatLocalDate(now),
    method: '',
    outcome: '',
    operator: '',
    profileName: '',
    text: '',
  };
}

function formatLocalDate(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/**
 * Local midnight of a yyyy-MM-dd date plus `dayOffset` days, as a UTC ISO string; null if the text is not
 * a real date. The user thinks in local days, the journal stores UTC, so the bound is converted here.
 */
export function localDayStartUtc(date: string, dayOffset = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const local = new Date(year, month - 1, day);
  // new Date rolls 2026-02-31 over into March; a date input never sends that, a typed value might.
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return null;
  local.setDate(local.getDate() + dayOffset);
  return local.toISOString();
}

export function toLogQuery(filters: LogFilters): FilterMapping {
  const query: { -readonly [K in keyof LogQuery]: LogQuery[K] } = {};
  if (filters.fromDate !== '') {
    const from = localDayStartUtc(filters.fromDate);
    if (from === null) return { ok: false, message: `开始日期“${filters.fromDate}”不是有效日期。` };
    query.from = from;
  }
  if (filters.toDate !== '') {
    // The end date is inclusive for the user; the query's upper bound is exclusive: next local midnight.
    const to = localDayStartUtc(filters.toDate, 1);
    if (to === null) return { ok: false, message: `结束日期“${filters.toDate}”不是有效日期。` };
    query.to = to;
  }
  if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
    return { ok: false, message: '开始日期晚于结束日期，请调整日期范围。' };
  }
  if (filters.method !== '') query.methods = [filters.method];
  if (filters.outcome !== '') query.outcomes = [filters.outcome];
  const operator = filters.operator.trim();
  if (operator !== '') query.operator = operator;
  const profileName = filters.profileName.trim();
  if (profileName !== '') query.profileName = profileName;
  const text = filters.text.trim();
  if (text !== '') query.text = text;
  return { ok: true, query };
}

/**
 * Whether an entry belongs in a list built from `query`, judged as main judges it. Free text may match
 * only inside the body, which the list row does not carry: then the answer is 'check-body'.
 */
export function matchEntry(entry: JournalEntry, query: LogQuery): 'match' | 'no-match' | 'check-body' {
  const time = Date.parse(entry.time);
  if (query.from !== undefined && !(time >= Date.parse(query.from))) return 'no-match';
  if (query.to !== undefined && !(time < Date.parse(query.to))) return 'no-match';
  if (query.methods && query.methods.length > 0 && !query.methods.includes(entry.method)) return 'no-match';
  if (query.outcomes && query.outcomes.length > 0 && !query.outcomes.includes(entry.outcome))
    return 'no-match';
  if (query.operator && entry.operator !== query.operator) return 'no-match';
  if (query.profileName && entry.profileName !== query.profileName) return 'no-match';
  const text = query.text?.trim() ?? '';
  if (text === '') return 'match';
  const lowered = text.toLowerCase();
  if (entry.businessKey.toLowerCase().includes(lowered)) return 'match';
  if (entry.documentNo?.toLowerCase().includes(lowered)) return 'match';
  return 'check-body';
}

/** Main searches the exact body text sent, case and all (it escapes its needle to match the file's JSON). */
export function bodyContainsText(body: string, text: string): boolean {
  const needle = text.trim();
  return needle !== '' && body.includes(needle);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
