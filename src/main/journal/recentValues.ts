/**
 * 最近使用: the values a header field held in the documents the ERP recently created, newest first, for the
 * form's autocomplete (issue #16). Read from the journal's bodies on disk, which are never rewritten, so each
 * entry's header is parsed once and kept (bounded). Only created documents count: a refused warehouse code
 * is no suggestion.
 */
import { parseArgs } from '../../shared/args';
import { getSpec } from '../../shared/documents';
import type { RawRecord } from '../../shared/spec';
import type { Journal } from './journal';

/** Created documents looked at per question: enough for a working week, cheap to read (one range each). */
const RECENT_SCAN_LIMIT = 60;
/** Distinct values answered. */
export const RECENT_VALUES_MAX = 10;
const CACHE_MAX = 2000;

interface RecentValuesQuery {
  readonly method: string;
  readonly field: string;
  /** Only documents sent with this profile: another ERP's warehouses mean nothing here. */
  readonly profileName: string;
}

export function createRecentValues(): (journal: Journal, query: RecentValuesQuery) => Promise<string[]> {
  // Entry id → its header as sent; null when the body could not be read or parsed.
  const headers = new Map<string, RawRecord | null>();

  const headerOf = async (journal: Journal, id: string, method: string): Promise<RawRecord | null> => {
    const cached = headers.get(id);
    if (cached !== undefined) return cached;
    const spec = getSpec(method);
    const detail = await journal.getDetail(id);
    let header: RawRecord | null = null;
    if (spec !== undefined && detail !== undefined && detail.body !== '') {
      try {
        const parsed = parseArgs(spec, JSON.parse(detail.body) as unknown);
        header = parsed.ok ? parsed.draft.header : null;
      } catch {
        header = null;
      }
    }
    if (headers.size >= CACHE_MAX) headers.delete(headers.keys().next().value as string);
    headers.set(id, header);
    return header;
  };

  return async (journal, { method, field, profileName }) => {
    const spec = getSpec(method);
    const fieldSpec = spec?.header.find((candidate) => candidate.key === field);
    if (fieldSpec === undefined || fieldSpec.type.kind !== 'string') return [];
    const page = await journal.query({
      methods: [method],
      outcomes: ['accepted', 'approval-failed'],
      profileName,
      limit: RECENT_SCAN_LIMIT,
    });
    const values: string[] = [];
    for (const entry of page.entries) {
      const value = (await headerOf(journal, entry.id, method))?.[field];
      const text = typeof value === 'string' ? value.trim() : '';
      if (text !== '' && !values.includes(text)) values.push(text);
      if (values.length >= RECENT_VALUES_MAX) break;
    }
    return values;
  };
}
