import { describe, expect, it } from 'vitest';
import { outerOutSpec, uploadSnSpec } from '../../src/shared/documents';
import { canApply, toApplied } from '../../src/renderer/features/import/applyResult';
import { importFixture } from '../shared/import/helpers';

describe('what the dialog hands to the document', () => {
  it('gives grid rows as text and pins each problem to its row in the grid', async () => {
    const { result } = await importFixture(outerOutSpec, 'lines.xlsx');
    const applied = toApplied(result, 'append');
    expect(applied.mode).toBe('append');
    expect(applied.rows[1]).toEqual({
      spec_no: '6901234567890',
      num: '5',
      remark: '条码存成了数字',
      defect: '是',
      batch_no: '20240101',
      is_enable_sn: '0',
    });
    // Sheet rows 6, 7, 9 and 12 are grid rows 2, 3, 5 and 8 (the blank sheet row 5 is skipped). Sheet row 8
    // repeats a product with another batch, which only the ERP's settings can refuse: no import issue.
    expect(applied.rowIssues.map((issue) => issue.index)).toEqual([2, 3, 5, 8]);
    expect(applied.rowIssues[0]?.messages).toEqual([
      '商家 编码：数值超过15位已失真，请将该列设为文本格式后重新录入',
      '数 量：数量 必须是整数',
    ]);
    expect(canApply(result)).toBe(true);
  });

  it('gives SN lists for an SN import and blocks a refused file', async () => {
    const sns = await importFixture(uploadSnSpec, 'sn-only.csv', 'sns');
    expect(toApplied(sns.result, 'replace').sns).toEqual([{ specNo: null, sns: ['SN-1', 'SN-2', 'SN-3'] }]);
    const refused = await importFixture(outerOutSpec, 'corrupt.xlsx');
    expect(canApply(refused.result)).toBe(false);
  });
});
