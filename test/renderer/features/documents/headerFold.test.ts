/**
 * 采购单新建's rarely used optional fields fold behind 更多 so its 提交 footer fits a 1024×768 screen; a
 * folded field holding a value or showing a problem stays in sight; required fields never fold.
 */
import { describe, expect, it } from 'vitest';
import { documentSpecs, purchaseOrderSpec } from '../../../../src/shared/documents';
import { foldableFields, visibleHeaderFields } from '../../../../src/renderer/features/documents/headerFold';

const keys = (fields: readonly { readonly key: string }[]) => fields.map((field) => field.key);
const none: ReadonlySet<string> = new Set();

describe('the header behind 更多', () => {
  it('folds 采购单新建 down to the fields a clerk fills on every order', () => {
    expect(keys(visibleHeaderFields(purchaseOrderSpec, false, {}, none))).toEqual([
      'purchase_no',
      'provider_no',
      'receive_warehouse_nos',
      'expect_warehouse_no',
      'purchaser_name',
      'is_check',
      'expect_time',
      'remark',
    ]);
    expect(foldableFields(purchaseOrderSpec)).toHaveLength(15);
  });

  it('never folds a required field, and folds nothing on the short headers', () => {
    for (const spec of documentSpecs) {
      expect(foldableFields(spec).filter((field) => field.required)).toEqual([]);
      if (spec !== purchaseOrderSpec) expect(foldableFields(spec)).toEqual([]);
    }
  });

  it('keeps a folded field in sight while it holds a value or shows a problem', () => {
    const shown = keys(
      visibleHeaderFields(purchaseOrderSpec, false, { contact: '王五' }, new Set(['telno'])),
    );
    expect(shown).toContain('contact');
    expect(shown).toContain('telno');
    expect(shown).not.toContain('pay_type');
    // Order stays the spec's: the kept fields sit where they belong, not at the end.
    expect(shown.indexOf('contact')).toBeLessThan(shown.indexOf('expect_time'));
  });

  it('shows every field once opened', () => {
    expect(visibleHeaderFields(purchaseOrderSpec, true, {}, none)).toHaveLength(
      purchaseOrderSpec.header.length + purchaseOrderSpec.positional.length,
    );
  });
});
