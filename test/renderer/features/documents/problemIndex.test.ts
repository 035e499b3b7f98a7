import { describe, expect, it } from 'vitest';
import { outerOutSpec } from '../../../../src/shared/documents';
import { validateDocument } from '../../../../src/shared/validate';
import { applyImport } from '../../../../src/renderer/features/documents/importApply';
import { listProblems, problemKeysByRow } from '../../../../src/renderer/features/documents/problemIndex';

describe('the problem list', () => {
  const checks = validateDocument(outerOutSpec, {
    header: { is_check: false },
    lines: [{ spec_no: 'A', num: '1.5' }],
  }).problems;

  it('names each problem by its Chinese place: header field, or row and column', () => {
    const listed = listProblems(outerOutSpec, checks, [], []);
    expect(listed.map((problem) => `${problem.location}｜${problem.message}`)).toEqual([
      '单据数据 · 仓库编号｜仓库编号 不能为空',
      '第1行 · 数量｜数量 必须是整数',
    ]);
  });

  it("lists main's verdict first and does not repeat a problem both found", () => {
    const numProblem = checks.find((problem) => problem.path.area === 'lines');
    const listed = listProblems(outerOutSpec, checks, numProblem ? [numProblem] : [], []);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ source: 'main', location: '第1行 · 数量' });
  });

  it("shows the import's row issues as warnings on their rows", () => {
    const listed = listProblems(outerOutSpec, [], [], [{ index: 4, messages: ['数量：单元格已丢失精度'] }]);
    expect(listed).toEqual([
      expect.objectContaining({
        location: '第5行',
        severity: 'warning',
        message: '导入：数量：单元格已丢失精度',
      }),
    ]);
  });

  it('marks the bad cells row by row for the grid', () => {
    expect(problemKeysByRow(checks)).toEqual(new Map([[0, new Set(['num'])]]));
  });

  it('paints only errors red: a notice is listed, not painted', () => {
    const notices = validateDocument(outerOutSpec, {
      header: { warehouse_no: 'W', is_check: false },
      lines: [
        { spec_no: 'A', num: '0' },
        { spec_no: 'B', num: '1', sn_list: 'S1' },
      ],
    }).problems;
    expect(notices.map((problem) => problem.severity)).toEqual(['warning', 'warning']);
    expect(listProblems(outerOutSpec, notices, [], []).map((problem) => problem.location)).toEqual([
      '第1行 · 数量',
      '第2行 · 序列号列表',
    ]);
    expect(problemKeysByRow(notices)).toEqual(new Map());
  });
});

describe('applyImport', () => {
  const current = [{ spec_no: 'KEEP', num: '1' }, {}];
  const imported = {
    rows: [{ spec_no: 'N1' }, { spec_no: 'N2' }],
    rowIssues: [{ index: 1, messages: ['x'] }],
  };

  it('replace puts only the imported rows in the grid', () => {
    const applied = applyImport(current, { ...imported, mode: 'replace' });
    expect(applied.lines).toEqual([{ spec_no: 'N1' }, { spec_no: 'N2' }]);
    expect(applied.issues).toEqual([{ index: 1, messages: ['x'] }]);
  });

  it('append adds after the last filled row and renumbers the issues to grid rows', () => {
    const applied = applyImport(current, { ...imported, mode: 'append' });
    expect(applied.lines).toEqual([{ spec_no: 'KEEP', num: '1' }, { spec_no: 'N1' }, { spec_no: 'N2' }]);
    expect(applied.issues).toEqual([{ index: 2, messages: ['x'] }]);
    expect(applied.firstRow).toBe(1);
  });
});
