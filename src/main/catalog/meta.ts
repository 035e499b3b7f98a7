/** The catalog's meta (origin, sync times, problems, the sync cursor), kept as JSON in the `meta` table. */
import { z } from 'zod';
import { catalogSources } from '../../shared/catalog';
import type { CatalogMeta } from './types';

export const EMPTY_META: CatalogMeta = Object.freeze({ origin: 'empty', problems: [] });

const storedMeta = z.object({
  origin: z.enum(['erp', 'file', 'empty']),
  syncedUpTo: z.number().finite().optional(),
  lastFullAt: z.number().finite().optional(),
  problems: z.array(z.object({ source: z.enum(catalogSources), method: z.string(), message: z.string() })),
  cursor: z.unknown().optional(),
});

/** The meta as stored; a value that does not parse (a file edited by hand) reads as no meta. */
export function parseMeta(json: string | undefined): CatalogMeta {
  if (json === undefined) return EMPTY_META;
  try {
    const parsed = storedMeta.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as CatalogMeta) : EMPTY_META;
  } catch {
    return EMPTY_META;
  }
}

/** The meta after a patch: fields set to undefined in the patch are removed. */
export function patchMeta(current: CatalogMeta, patch: Partial<CatalogMeta>): CatalogMeta {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) Reflect.deleteProperty(next, key);
    else next[key] = value;
  }
  // origin and problems are required: a patch cannot remove them.
  return storedMeta.parse({ ...EMPTY_META, ...next }) as CatalogMeta;
}
