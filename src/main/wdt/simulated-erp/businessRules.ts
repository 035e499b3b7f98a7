/**
 * The practice ERP's business checks (status 100), each answering with the vendor's own text from
 * error-codes.md where it has one. The first broken rule is the answer, as the ERP reports one complaint at
 * a time. Three rules follow the seller's ERP settings (PracticeErpSettings); the rest hold in every ERP.
 */
import type { PracticeErpSettings } from '../../../shared/practiceErp';
import type { ErpField, ErpMethod } from './methods';
import type { ErpRecord, ErpValue, ReadDocument } from './readArgs';

/** The vendor's texts for the refusals that depend on the seller's settings. */
export const settingRefusals = {
  sameGoods: '货品列表中有相同商家编码的货品！',
  sameGoodsAndPlace: '货品列表中有相同商家编码、货位、批次、有效期的货品',
  batchAndExpiry: '非销售出、入库单批次、有效期必传',
  quantity: '数量不合法',
} as const;

/** The vendor's own wording where its table or a page gives one for a missing field. */
const MISSING_TEXTS: Readonly<Record<string, string>> = {
  warehouse_no: '仓库编号不可为空',
  purchaser_name: '采购员姓名为空！',
  stockout_no: '出库单号不可以为空',
  receive_warehouse_nos: '收货仓库列表为空或无权限',
  expect_warehouse_no: '预计入库仓为空或无权限',
};

/** Decimal(19,4): the ERP keeps four decimal places. */
const QUANTITY_SCALE = 4;
const DATETIME_TEXT = /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}$/;
/** What makes two lines "the same goods" when the seller allows one product on several lines. */
const PLACE_KEYS = ['spec_no', 'position_no', 'batch_no', 'expire_date', 'defect'] as const;

interface BusinessContext {
  readonly settings: PracticeErpSettings;
  /** The warehouses the seller has; undefined: every number names one. */
  readonly warehouses: ReadonlySet<string> | undefined;
}

/** The first refusal message, or undefined when the ERP takes the document. */
export function firstBusinessRefusal(
  method: ErpMethod,
  doc: ReadDocument,
  context: BusinessContext,
): string | undefined {
  const checks: readonly (() => string | undefined)[] = [
    () => missingField([...method.header, ...method.extras], doc.header),
    () => (method.linesRequired && doc.lines.length === 0 ? `${method.linesLabel}不能为空` : undefined),
    () => firstOf(doc.lines, (line) => missingField(method.lines, line)),
    () => badValue(method, [...method.header, ...method.extras], doc.header),
    () => firstOf(doc.lines, (line) => badValue(method, method.lines, line)),
    () => firstOf(doc.lines, (_line, row) => badQuantity(doc, row, context.settings)),
    () => sourceOrderMissing(doc.header),
    () => serialNumberProblem(doc.lines),
    () => unknownWarehouse(method, doc.header, context.warehouses),
    () => batchAndExpiryMissing(method, doc, context.settings),
    () => sameGoods(method, doc.lines, context.settings),
  ];
  for (const check of checks) {
    const refusal = check();
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

function firstOf<T>(
  items: readonly T[],
  check: (item: T, index: number) => string | undefined,
): string | undefined {
  for (const [index, item] of items.entries()) {
    const found = check(item, index);
    if (found !== undefined) return found;
  }
  return undefined;
}

function isMissing(value: ErpValue | undefined): boolean {
  return (
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function missingField(fields: readonly ErpField[], record: ErpRecord): string | undefined {
  const missing = fields.find((field) => field.required && isMissing(record[field.key]));
  return missing && (MISSING_TEXTS[missing.key] ?? `${missing.label}不能为空`);
}

/** Lengths, dates and listed values, in the words of the vendor's table. */
function badValue(method: ErpMethod, fields: readonly ErpField[], record: ErpRecord): string | undefined {
  for (const field of fields) {
    const value = record[field.key];
    if (value === undefined) continue;
    const { type } = field;
    if (type.kind === 'string' && typeof value === 'string') {
      if (type.maxLength !== undefined && [...value].length > type.maxLength) {
        return field.key === method.externalNo
          ? '外部单号超长'
          : `Data truncation: Data too long for column '${field.key}' at row 1`;
      }
      if (type.datetime === true && value.trim() !== '' && !DATETIME_TEXT.test(value.trim())) {
        return `Unparseable date: ${value}`;
      }
    }
    if (type.kind === 'int' && type.values !== undefined && typeof value === 'number') {
      const max = Math.max(...type.values);
      const min = Math.min(...type.values);
      if (value > max) return `${field.key}must be less than or equal to ${max}`;
      if (value < min) return `${field.key}must be greater than or equal to ${min}`;
      if (!type.values.includes(value)) return `${field.label}不合法`;
    }
    if (type.kind === 'decimal' && type.aboveZero === true && typeof value === 'number' && value <= 0) {
      return '折扣应大于0';
    }
  }
  return undefined;
}

function badQuantity(doc: ReadDocument, row: number, settings: PracticeErpSettings): string | undefined {
  const num = doc.lines[row]?.['num'];
  if (typeof num !== 'number') return undefined;
  const places = decimalPlaces(doc.quantityTexts[row] ?? String(num));
  const whole = places === 0;
  if (num <= 0 || places > QUANTITY_SCALE || (!whole && !settings.decimalQuantities)) {
    return settingRefusals.quantity;
  }
  return undefined;
}

/** Significant decimal places of a number as written ("1.50" has one; "1e-7" has seven). */
function decimalPlaces(text: string): number {
  const exponent = /e([+-]?\d+)$/i.exec(text);
  const mantissa = exponent ? text.slice(0, exponent.index) : text;
  const fraction = (mantissa.split('.')[1] ?? '').replace(/0+$/, '');
  return Math.max(0, fraction.length - (exponent ? Number(exponent[1]) : 0));
}

/** OuterOut's page: 源单类型为2和14需传源单号. */
function sourceOrderMissing(header: ErpRecord): string | undefined {
  const type = header['src_order_type'];
  return (type === 2 || type === 14) && isMissing(header['src_order_no']) ? '源单号不能为空' : undefined;
}

/**
 * OuterOut: with SNs switched on, their count must equal the quantity (开启序列号后序列号数量要与出库数量保持一致).
 * Neither page nor error table says what the ERP does with a repeated SN, so the model takes it.
 */
function serialNumberProblem(lines: readonly ErpRecord[]): string | undefined {
  for (const line of lines) {
    const listed = line['sn_list'];
    if (line['is_enable_sn'] !== 1) continue;
    const sns =
      typeof listed === 'string'
        ? listed
            .split(',')
            .map((sn) => sn.trim())
            .filter((sn) => sn !== '')
        : [];
    if (sns.length === 0) return '序列号列表不能为空';
    if (sns.length !== line['num']) return '序列号数量与出库数量不一致';
  }
  return undefined;
}

function unknownWarehouse(
  method: ErpMethod,
  header: ErpRecord,
  warehouses: ReadonlySet<string> | undefined,
): string | undefined {
  if (warehouses === undefined) return undefined;
  for (const field of method.warehouses) {
    const value = header[field.key];
    if (typeof value !== 'string') continue;
    const named = field.list === true ? value.split(',').map((no) => no.trim()) : [value.trim()];
    const unknown = named.find((warehouseNo) => !warehouses.has(warehouseNo));
    if (unknown !== undefined) return field.unknown(unknown);
  }
  return undefined;
}

function batchAndExpiryMissing(
  method: ErpMethod,
  doc: ReadDocument,
  settings: PracticeErpSettings,
): string | undefined {
  if (!settings.batchAndExpiryRequired || !method.stockDocument(doc.header)) return undefined;
  const incomplete = doc.lines.some((line) => isMissing(line['batch_no']) || isMissing(line['expire_date']));
  return incomplete ? settingRefusals.batchAndExpiry : undefined;
}

/**
 * Without 允许添加相同的货品 ticked, one 商家编码 may appear on one line only; with it ticked, lines must
 * still differ in 货位, 批次, 有效期 or 残次品 (the vendor's remedy: "相同sku不同批次/效期").
 */
function sameGoods(
  method: ErpMethod,
  lines: readonly ErpRecord[],
  settings: PracticeErpSettings,
): string | undefined {
  const lineKeys = new Set(method.lines.map((field) => field.key));
  const keys = settings.allowSameGoods
    ? PLACE_KEYS.filter((key) => lineKeys.has(key))
    : (['spec_no'] as const);
  const seen = new Set<string>();
  for (const line of lines) {
    const identity = JSON.stringify(keys.map((key) => identityPart(line[key])));
    if (seen.has(identity)) {
      return settings.allowSameGoods ? settingRefusals.sameGoodsAndPlace : settingRefusals.sameGoods;
    }
    seen.add(identity);
  }
  return undefined;
}

/** Absent, empty and "not defective" are one and the same to the ERP. */
function identityPart(value: ErpValue | undefined): string {
  if (value === undefined || value === false || value === 0) return '';
  if (value === true || value === 1) return '1';
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}
