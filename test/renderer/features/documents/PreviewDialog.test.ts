/**
 * The 预览 of an outer transfer shows where its 核对 reference goes and says what it is. (Turning it off is
 * covered in main, test/main/reconcile/runner.test.ts: server rendering reads the settings store's initial state,
 * which is the default, on.)
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { outerOutSpec, outerTransferSpec } from '../../../../src/shared/documents';
import type { DocumentSpec, RawRecord } from '../../../../src/shared/spec';
import { TRANSFER_REFERENCE_PLACEHOLDER } from '../../../../src/shared/transferReference';
import { PreviewDialog } from '../../../../src/renderer/features/documents/PreviewDialog';

const render = (spec: DocumentSpec, header: RawRecord, lines: RawRecord[]) =>
  renderToString(createElement(PreviewDialog, { spec, header, lines, onClose: () => undefined }));

const lines = [{ spec_no: 'SKU-1', num: '3' }];

describe('预览 of the 核对 reference', () => {
  it('an outer transfer shows the reference’s place at the end of the remark, and explains it', () => {
    const header = { from_warehouse_no: 'wh-a', to_warehouse_no: 'wh-b', mode: '1', remark: '补货' };
    const html = render(outerTransferSpec, header, lines);
    expect(html).toContain(`补货 ${TRANSFER_REFERENCE_PLACEHOLDER}`);
    expect(html).toContain('核对参考号');
  });

  it('other documents never get one', () => {
    const html = render(outerOutSpec, { warehouse_no: 'WH1', remark: '补货', is_check: 'false' }, lines);
    expect(html).toContain('补货');
    expect(html).not.toContain(TRANSFER_REFERENCE_PLACEHOLDER);
    expect(html).not.toContain('核对参考号');
  });
});
