/**
 * Property: what the client's validator accepts, the independent practice ERP accepts too, apart from the
 * refusals that depend on the seller's ERP settings, and those come back as vendor messages the client
 * explains. Random drafts for all five methods come from a seeded generator built on the specs' public
 * shape (field kinds only), so the test keeps working while the validator's rules change; the validator
 * alone decides which drafts count as accepted.
 */
import { describe, expect, it } from 'vitest';
import { documentSpecs } from '../../../../src/shared/documents';
import { buildArgs } from '../../../../src/shared/args';
import { validateDocument } from '../../../../src/shared/validate';
import type {
  DocumentDraft,
  DocumentSpec,
  FieldSpec,
  RawRecord,
  RawValue,
} from '../../../../src/shared/spec';
import type { PracticeErpSettings } from '../../../../src/shared/practiceErp';
import { settingRefusals } from '../../../../src/main/wdt/simulated-erp/businessRules';
import { createDocumentDesk } from '../../../../src/main/wdt/simulated-erp/documents';
import { explainErpAnswer } from '../../../../src/main/wdt/explain';

const DRAFTS_PER_METHOD = 400;
const NOW = Date.UTC(2026, 11, 1, 8, 0, 0);

/** mulberry32: small, fast and the same sequence for the same seed on every machine. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number): boolean => next() < p;
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { int, chance, pick };
}
type Random = ReturnType<typeof randomSource>;

/** Small pools, so lines often share a product, a batch or a position: the interesting cases. */
const POOLS: Readonly<Record<string, readonly string[]>> = {
  spec_no: ['A', 'B', 'SKU-007', '0012'],
  batch_no: ['B1', 'B2'],
  position_no: ['P1', 'P2'],
  expire_date: ['2027-01-01', '2027-06-30'],
};

function textValue(random: Random, field: FieldSpec): RawValue {
  const type = field.type.kind === 'string' ? field.type : undefined;
  if (type?.format === 'datetime') return random.chance(0.9) ? '2026-12-01 10:30:00' : '2026/12/01 10:30:00';
  if (type?.format === 'date') return random.chance(0.9) ? '2026-12-01' : '2026/12/01';
  const pool = POOLS[field.key];
  if (pool && random.chance(0.85)) return random.pick(pool);
  const max = type?.maxLength;
  if (max !== undefined && random.chance(0.15)) return '货'.repeat(max + random.int(-1, 1));
  return `${field.key}-${random.int(1, 99)}`;
}

function numberValue(random: Random): RawValue {
  return random.pick<RawValue>([1, 2, 3, '2', 10, 0, -1, 0.5, '1.25', '0.0001', '1.00001', 1.2, 99999]);
}

function fieldValue(random: Random, field: FieldSpec, num: number): RawValue {
  switch (field.type.kind) {
    case 'string':
      return textValue(random, field);
    case 'int':
    case 'decimal':
      return field.key === 'num' && random.chance(0.6) ? num : numberValue(random);
    case 'boolean':
      return random.pick<RawValue>([true, false, '是', '否']);
    case 'flag':
      return random.pick<RawValue>([0, 1, '1', 2]);
    case 'enum': {
      const values = field.type.options.map((option) => option.value);
      return random.chance(0.9) ? random.pick(values) : Math.max(...values) + 1;
    }
    case 'snList': {
      const count = random.chance(0.8) ? num : random.int(0, 3);
      return Array.from({ length: count }, () => `SN${random.int(1, 40)}`);
    }
  }
}

function record(random: Random, fields: readonly FieldSpec[], num: number): RawRecord {
  const out: Record<string, RawValue> = {};
  for (const field of fields) {
    if (random.chance(field.required ? 0.95 : 0.35)) out[field.key] = fieldValue(random, field, num);
  }
  return out;
}

function randomDraft(random: Random, spec: DocumentSpec): DocumentDraft {
  const header = record(random, [...spec.header, ...spec.positional], 1);
  const lines = Array.from({ length: random.int(spec.linesRequired ? 1 : 0, 4) }, () =>
    record(random, spec.lines, random.int(1, 3)),
  );
  return { header, lines };
}

const permissive: PracticeErpSettings = {
  allowSameGoods: true,
  batchAndExpiryRequired: false,
  decimalQuantities: true,
};
const strict: PracticeErpSettings = {
  allowSameGoods: false,
  batchAndExpiryRequired: true,
  decimalQuantities: false,
};
const settingDependent = new Set<string>([
  settingRefusals.sameGoods,
  settingRefusals.batchAndExpiry,
  settingRefusals.quantity,
]);

interface ClientAccepted {
  /** The body the client would send, exactly as JSON carries it. */
  readonly body: unknown;
  /** The client sent it with a notice on some line's quantity (e.g. 0 or less), foreseeing 数量不合法. */
  readonly quantityNotice: boolean;
}

/** The drafts the client's validator lets through (errors block; notices do not). */
function clientAccepted(spec: DocumentSpec, seed: number): ClientAccepted[] {
  const random = randomSource(seed);
  const accepted: ClientAccepted[] = [];
  for (let n = 0; n < DRAFTS_PER_METHOD; n += 1) {
    const checked = validateDocument(spec, randomDraft(random, spec));
    if (!checked.document) continue;
    accepted.push({
      body: JSON.parse(JSON.stringify(buildArgs(spec, checked.document))),
      quantityNotice: checked.problems.some(
        (problem) => problem.path.area === 'lines' && problem.path.field === 'num',
      ),
    });
  }
  return accepted;
}

/** A refusal the client told the user to expect: 数量不合法 for a quantity it flagged. */
function foreseen(accepted: ClientAccepted, message: string | undefined): boolean {
  return accepted.quantityNotice && message === settingRefusals.quantity;
}

function answer(method: string, body: unknown, settings: PracticeErpSettings) {
  // A new ERP per body: each generated document is judged alone (no 外部单号重复 between them).
  return createDocumentDesk({ erpSettings: settings }).handle('wdtdemo', method, body, NOW);
}

describe('client validator ⊆ practice ERP', () => {
  const strictRefusals = new Set<string>();

  it.each(documentSpecs.map((spec, index) => [spec.method, spec, 1000 + index] as const))(
    '%s: every body the client accepts is accepted under permissive settings',
    (_method, spec, seed) => {
      const accepted = clientAccepted(spec, seed);
      // Enough accepted drafts that the property says something about this method.
      expect(accepted.length).toBeGreaterThan(DRAFTS_PER_METHOD / 20);
      const refused = accepted
        .map((candidate) => ({ candidate, response: answer(spec.method, candidate.body, permissive) }))
        .filter(({ candidate, response }) => response.status !== 0 && !foreseen(candidate, response.message));
      expect(refused.slice(0, 3)).toEqual([]);
    },
  );

  it.each(documentSpecs.map((spec, index) => [spec.method, spec, 1000 + index] as const))(
    '%s: under strict settings, only setting-dependent refusals, each explained',
    (_method, spec, seed) => {
      for (const candidate of clientAccepted(spec, seed)) {
        const { body } = candidate;
        const response = answer(spec.method, body, strict);
        if (response.status === 0 || foreseen(candidate, response.message)) continue;
        const message = response.message ?? '';
        expect({ body, response, settingDependent: settingDependent.has(message) }).toMatchObject({
          response: { status: 100 },
          settingDependent: true,
        });
        strictRefusals.add(message);
        expect(explainErpAnswer(100, message)).toMatchObject({ verdict: 'refused', documented: true });
      }
    },
  );

  it('the strict settings did refuse something, for each of the three settings', () => {
    expect([...strictRefusals].sort()).toEqual([...settingDependent].sort());
  });
});
