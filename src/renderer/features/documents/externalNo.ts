import type { DocumentSpec, RawRecord } from '../../../shared/spec';

/**
 * A fresh external document number: "WD" + local yyyyMMddHHmmss + random base36. The ERP refuses a number it
 * has seen (外部单号重复!), so a number made once per document turns an accidental resend into a harmless
 * refusal instead of a second document.
 */
export function generateExternalNo(now: Date, random: () => number = Math.random, maxLength = 40): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  let suffix = '';
  for (let index = 0; index < 3; index += 1) suffix += Math.floor(random() * 36).toString(36);
  return `WD${stamp}${suffix.toUpperCase()}`.slice(0, Math.max(1, maxLength));
}

/**
 * Documents whose new drafts start with a generated external number. OuterOut's 核对 finds its document by
 * that number (wms.outer.OuterOut.queryWithDetail by outer_out_no); without one it can only match lines in
 * a time window, which may leave the answer 无法确定. The user may still clear or change it.
 */
const GENERATED_BY_DEFAULT: ReadonlySet<string> = new Set(['wms.outer.OuterOut.createOrder']);

/** The external number field's length limit, which a generated number must respect. */
function externalNoMaxLength(spec: DocumentSpec): number | undefined {
  const field = [...spec.header, ...spec.positional].find((item) => item.key === spec.externalNoField);
  return field?.type.kind === 'string' ? field.type.maxLength : undefined;
}

/** `header` with a generated external number when the document gets one by default and has none yet. */
export function withDefaultExternalNo(
  spec: DocumentSpec,
  header: RawRecord,
  now: Date = new Date(),
  random: () => number = Math.random,
): RawRecord {
  const key = spec.externalNoField;
  if (key === undefined || !GENERATED_BY_DEFAULT.has(spec.method)) return header;
  const current = header[key];
  if (current !== undefined && current !== null && String(current).trim() !== '') return header;
  return { ...header, [key]: generateExternalNo(now, random, externalNoMaxLength(spec)) };
}
