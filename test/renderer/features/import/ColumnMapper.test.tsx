import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MappingNeed } from '../../../../src/shared/import';
import { ColumnMapper } from '../../../../src/renderer/features/import/ColumnMapper';

// As the pipeline describes a supplier's sheet headed 编码 / 品名 / 件数 / 备注说明 for a purchase return
// (test/shared/import/columnChoices.test.ts reads the same from the LibreOffice file).
const need: MappingNeed = {
  signature: 'lines|件数|品名|备注说明|编码',
  headers: ['编码', '品名', '件数', '备注说明'],
  suggested: [null, null, null, 'remark'],
  preview: [
    ['S-01', '保温杯', '3', '急'],
    ['S-02', '水杯', '4', ''],
  ],
  fields: [
    { key: 'spec_no', label: '单品信息', required: true },
    { key: 'num', label: '出库数量', required: true },
    { key: 'remark', label: '备注', required: false },
  ],
};

describe('the column-mapping form', () => {
  it('shows every sheet column with a field choice, the first rows, and what is still missing', () => {
    const html = renderToStaticMarkup(<ColumnMapper need={need} onConfirm={() => undefined} />);
    for (const header of need.headers) expect(html).toContain(`「${header}」对应的字段`);
    expect(html).toContain('<option value="" selected="">忽略</option>');
    expect(html).toContain('<option value="remark" selected="">备注</option>');
    expect(html).toContain('单品信息（必填）');
    expect(html).toContain('<td>S-01</td><td>保温杯</td><td>3</td><td>急</td>');
    expect(html).toContain('还需要指定：单品信息、出库数量');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>按此对应重新读取<\/button>/);
  });

  it('is ready once each required field has a column', () => {
    const complete = { ...need, suggested: ['spec_no', null, 'num', 'remark'] };
    const html = renderToStaticMarkup(<ColumnMapper need={complete} onConfirm={() => undefined} />);
    expect(html).not.toContain('还需要指定');
    expect(html).not.toMatch(/disabled=""[^>]*>按此对应重新读取/);
  });
});
