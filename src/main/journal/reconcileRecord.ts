/**
 * The 核对 record: `{"t":"reconcile","id":…,"time":…,"finding":{<ReconcileFinding>},"crc":"…"}`, appended
 * when a check of an unknown outcome ends. It never replaces the entry's sending or result record; the
 * entry's `reconciled` is the last finding read. Read back as untrusted input, like every journal line.
 */
import type {
  MissingQueryPermission,
  ReconcileCandidate,
  ReconcileFinding,
  ReconcileState,
} from '../../shared/reconcile';
import { isObject } from './records';
import { seal } from './seal';

export interface ReconcileRecord {
  /** The entry checked. */
  readonly id: string;
  /** When the record was written. */
  readonly time: string;
  readonly finding: ReconcileFinding;
}

export function serializeReconcile(record: ReconcileRecord): string {
  return seal(JSON.stringify({ t: 'reconcile', id: record.id, time: record.time, finding: record.finding }));
}

export function toReconcileRecord(value: Record<string, unknown>): ReconcileRecord | undefined {
  const { id, time } = value;
  const finding = toReconcileFinding(value.finding);
  if (typeof id !== 'string' || typeof time !== 'string' || !finding) return undefined;
  return { id, time, finding };
}

const states: ReadonlySet<string> = new Set<ReconcileState>(['created', 'not_created', 'uncertain']);

const isText = (value: unknown): value is string => typeof value === 'string';
const optionalText = (value: unknown): boolean => value === undefined || isText(value);
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

/** Rebuilt field by field, so nothing a hand edit added reaches the renderer. */
function toReconcileFinding(value: unknown): ReconcileFinding | undefined {
  if (!isObject(value)) return undefined;
  const { state, documentNo, checkedAt, evidence, queries, candidates, missingPermission, sns } = value;
  if (!isText(state) || !states.has(state) || !isText(checkedAt) || Number.isNaN(Date.parse(checkedAt)))
    return undefined;
  if (!isText(evidence) || !isTextList(queries) || !optionalText(documentNo)) return undefined;
  const candidateList = candidates === undefined ? undefined : toCandidates(candidates);
  const permission = missingPermission === undefined ? undefined : toPermission(missingPermission);
  const snLists = sns === undefined ? undefined : toSns(sns);
  if (
    (candidates !== undefined && !candidateList) ||
    (missingPermission !== undefined && !permission) ||
    (sns !== undefined && !snLists)
  )
    return undefined;
  return {
    state: state as ReconcileState,
    ...(isText(documentNo) && { documentNo }),
    checkedAt,
    evidence,
    queries,
    ...(candidateList && { candidates: candidateList }),
    ...(permission && { missingPermission: permission }),
    ...(snLists && { sns: snLists }),
  };
}

function toCandidates(value: unknown): ReconcileCandidate[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list: ReconcileCandidate[] = [];
  for (const item of value) {
    if (!isObject(item) || !isText(item.documentNo) || !isText(item.summary) || !optionalText(item.createdAt))
      return undefined;
    list.push({
      documentNo: item.documentNo,
      ...(isText(item.createdAt) && { createdAt: item.createdAt }),
      summary: item.summary,
    });
  }
  return list;
}

function toPermission(value: unknown): MissingQueryPermission | undefined {
  if (!isObject(value) || !isText(value.method) || !isText(value.message) || !isText(value.remedy))
    return undefined;
  return { method: value.method, message: value.message, remedy: value.remedy };
}

function toSns(value: unknown): ReconcileFinding['sns'] | undefined {
  if (!isObject(value) || !isTextList(value.present) || !isTextList(value.missing)) return undefined;
  return { present: value.present, missing: value.missing };
}
