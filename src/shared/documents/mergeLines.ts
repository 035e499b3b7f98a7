/**
 * The 合并 action offered for detail lines the ERP would refuse as the same stock (see sameLines.ts): the
 * lines become one, at the first line's place, with the quantities added exactly (Decimal(19,4) sums must
 * not pick up float noise) and the SN lists joined. Where a page ties the quantity to the SN count
 * (OuterOut with 是否开启序列号 = 1) each line already holds one SN per unit, so the added quantity equals the
 * joined count; if a line did not, the SN-count rule still points at the merged line.
 *
 * It works on the rows as the user typed them and re-checks them first, because the problem that offered it
 * may be stale (the user may have edited since, or it came from main's check before sending).
 */
import type { CleanRecord, CleanValue, DocumentSpec, RawRecord, RawValue } from '../spec';
import { isBlank, normalizeField } from '../validate';
import { rowName, snsOf } from './rules';
import { carriedFields, conflictingFields, identityKey } from './sameLines';

type MergeResult =
  | {
      readonly ok: true;
      readonly lines: RawRecord[];
      /** Where the merged line now is. */
      readonly row: number;
    }
  | { readonly ok: false; readonly message: string };

/** Every decimal on the vendor pages has 4 places, and every Int has none. */
const SCALE = 4;

function refuse(message: string): MergeResult {
  return { ok: false, message };
}

export function mergeLines(
  spec: DocumentSpec,
  lines: readonly RawRecord[],
  rows: readonly number[],
): MergeResult {
  const picked = [...new Set(rows)].sort((a, b) => a - b);
  const first = picked[0];
  if (first === undefined || picked.length < 2 || picked.some((row) => row < 0 || row >= lines.length)) {
    return refuse('要合并的行已经变了，请看问题列表的最新结果');
  }

  const clean: CleanRecord[] = [];
  for (const row of picked) {
    const raw = lines[row] ?? {};
    const record: Record<string, CleanValue> = {};
    for (const field of spec.lines) {
      const result = normalizeField(field, raw[field.key]);
      if (result.problem !== undefined)
        return refuse(`${rowName(row)}的 ${field.label} 有错误，请先修正再合并`);
      if (result.value !== undefined) record[field.key] = result.value;
    }
    clean.push(record);
  }

  const identity = spec.lineIdentity;
  const key = identityKey(identity, clean[0] ?? {});
  if (clean.some((line) => identityKey(identity, line) !== key)) {
    return refuse('这几行已经不再完全相同，不需要合并');
  }
  const conflicts = conflictingFields(carriedFields(identity, spec.lines), clean);
  if (conflicts.length > 0) {
    return refuse(`这几行的 ${conflicts.map((field) => field.label).join('、')} 不同，请手工合并`);
  }

  // Identity and carried fields: the first value given, exactly as it was typed.
  const merged: Record<string, RawValue> = { ...lines[first] };
  for (const field of spec.lines) {
    const given = picked.map((row) => lines[row]?.[field.key]).find((value) => !isBlank(value));
    if (given !== undefined) merged[field.key] = given;
  }
  if (identity.quantity) {
    const quantities = clean.map((line) => line[identity.quantity?.key ?? '']);
    if (quantities.every((value): value is number => typeof value === 'number')) {
      merged[identity.quantity.key] = sumExactly(quantities);
    }
  }
  if (identity.sns) {
    const sns = clean.flatMap((line) => snsOf(line[identity.sns?.key ?? '']) ?? []);
    // One SN a line, as the SN editor writes them.
    if (sns.length > 0) merged[identity.sns.key] = sns.join('\n');
  }

  const dropped = new Set(picked.slice(1));
  const next = lines.flatMap((line, index) =>
    index === first ? [merged] : dropped.has(index) ? [] : [line],
  );
  return { ok: true, lines: next, row: first };
}

/** The sum as decimal text, computed in fixed point so 0.1 + 0.2 is 0.3. */
export function sumExactly(values: readonly number[]): string {
  const total = values.reduce((sum, value) => sum + toScaled(value), BigInt(0));
  const negative = total < BigInt(0);
  const digits = (negative ? -total : total).toString().padStart(SCALE + 1, '0');
  const whole = digits.slice(0, -SCALE);
  const fraction = digits.slice(-SCALE).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** A checked number (at most 4 places, written without an exponent) as an integer count of 0.0001. */
function toScaled(value: number): bigint {
  const [whole = '0', fraction = ''] = String(Math.abs(value)).split('.');
  const scaled = BigInt(`${whole}${fraction.padEnd(SCALE, '0').slice(0, SCALE)}`);
  return value < 0 ? -scaled : scaled;
}
