/**
 * Scans that name a product rather than an SN: a code equal to a line's spec_no, a code the local catalog
 * knows (a spec_no, suite_no or one of a product's barcodes: ctx.product), or a code the screen expects to
 * be a spec_no. Each selects the product's line, or adds it where the view can add lines. Kept apart from
 * the SN path (scanState.ts) so the order of the rules reads in one place (see productScan below).
 */
import { findSnProblem } from './normalizeCode';
import type { ScanSource } from '../input/keyClassifier';
import type { ScanResult } from './scanResult';
import { countText } from './scanResult';
import { lineNumberOf, type ProductCode, type ScanContext } from './scanContext';
import type { StateChange } from './scanStateChange';

/** "（条码 6901234567892）" when the scan was a barcode of the line's spec_no, else nothing. */
function barcodeNote(barcode: string | undefined): string {
  return barcode === undefined ? '' : `（条码 ${barcode}）`;
}

function lineSelected(
  change: StateChange,
  lineIndex: number,
  added: boolean,
  value: string,
  source: ScanSource,
  ctx: ScanContext,
  product: ProductCode | null,
): ScanResult {
  change.select(lineIndex);
  const line = change.line(lineIndex);
  const specNo = line?.specNo ?? product?.specNo ?? value;
  const progress = line === undefined ? '' : `（${countText(line.count, line.required)}）`;
  const barcode = product?.barcode;
  // A plain literal, as in scanState.ts: the scan's hot path.
  return {
    kind: 'line-selected',
    tone: 'success',
    message: `${added ? '已新增' : '已切换到'}第${lineNumberOf(ctx, lineIndex)}行：${specNo}${barcodeNote(barcode)}${progress}`,
    value,
    source,
    line: lineIndex,
    specNo,
    added,
    barcode,
  };
}

/** The catalog's product has no line here and this view cannot add one: refused, never taken as an SN. */
function productNotHere(value: string, source: ScanSource, product: ProductCode): ScanResult {
  const what = product.barcode === undefined ? `商品 ${product.specNo}` : `商品 ${product.specNo} 的条码`;
  return {
    kind: 'not-sn',
    tone: 'not-sn',
    message: `${value} 是${what}，不是 SN；本单没有该商品开启序列号的行，未录入`,
    value,
    source,
    line: null,
    reason: what,
  };
}

/**
 * The product rules, in order; null when the scan is not a product's code (then it goes the SN way):
 * 1. a code equal to a line's spec_no selects that line (no catalog needed; the document says so);
 * 2. a code the catalog knows (ctx.product) selects the line of its spec_no, or adds it where lines can be
 *    added, or is refused where they cannot: the catalog says it is a product, so never an SN, even when
 *    it also fits the SN shape. A code on the imported expected list is an SN: that list names it exactly;
 * 3. a code the screen expects to be a spec_no (扫商家编码新增行, an empty document) adds its line.
 * The catalog may be out of date: a code it does not know falls through to today's rules.
 */
export function productScan(
  change: StateChange,
  value: string,
  source: ScanSource,
  ctx: ScanContext,
): ScanResult | null {
  const own = change.findSpecLine(value);
  if (own >= 0) return lineSelected(change, own, false, value, source, ctx, null);

  const listedAsSn = change.expected?.has(value) ?? false;
  const product = listedAsSn ? null : (ctx.product?.(value) ?? null);
  if (product !== null) {
    const found = change.findSpecLine(product.specNo);
    if (found >= 0) return lineSelected(change, found, false, value, source, ctx, product);
    if (ctx.canAddLines !== true) return productNotHere(value, source, product);
    const added = change.addLine(product.specNo, ctx.requiredFor?.(product.specNo) ?? null);
    return lineSelected(change, added, true, value, source, ctx, product);
  }

  if (!(ctx.expectingSpecNo === true || ctx.isSpecNo?.(value) === true)) return null;
  if (findSnProblem(value, change.settings.maxSnLength) !== null) return null;
  const added = change.addLine(value, ctx.requiredFor?.(value) ?? null);
  return lineSelected(change, added, true, value, source, ctx, null);
}
