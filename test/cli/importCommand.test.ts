import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/importCommand';
import { exitCodes, type CliIo } from '../../src/cli/io';
import { fixtureDir } from '../shared/import/helpers';

async function run(argv: string[]): Promise<{ code: number; json: unknown; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) };
  const code = await runImport(argv, io);
  return {
    code,
    json: stdout.length > 0 ? JSON.parse(stdout.join('\n')) : undefined,
    stderr: stderr.join('\n'),
  };
}

const method = 'wms.outer.OuterOut.createOrder';

describe('wdt import', () => {
  it('prints rows as they would be sent and exits 0 when the file is clean', async () => {
    const { code, json } = await run(['--method', method, '--file', join(fixtureDir, 'sn-only.csv'), '--sn']);
    expect(code).toBe(exitCodes.accepted);
    expect(json).toEqual({ rows: [{ sn_list: 'SN-1,SN-2,SN-3' }], errors: [], notices: [] });
  });

  it('prints every problem with row and column and exits 2', async () => {
    const { code, json, stderr } = await run(['--method', method, '--file', join(fixtureDir, 'gb18030.csv')]);
    expect(code).toBe(exitCodes.invalid);
    expect(json).toEqual({
      rows: [
        { spec_no: '00123', num: 5, remark: '中文备注，带逗号' },
        { spec_no: '6901234567890', num: 2, remark: '条码' },
        { spec_no: 'X-1' },
      ],
      errors: [{ row: 5, column: '数量', message: '数量 必须是整数' }],
      notices: [],
    });
    expect(stderr).toContain('第5行 数量：数量 必须是整数');
  });

  it('reports a refused file as an error without a row', async () => {
    const { code, json } = await run(['--method', method, '--file', join(fixtureDir, 'corrupt.xlsx')]);
    expect(code).toBe(exitCodes.invalid);
    expect((json as { errors: { row: unknown }[] }).errors[0]?.row).toBeNull();
  });

  it('explains usage errors', async () => {
    expect((await run(['--file', 'x.xlsx'])).stderr).toContain('缺少参数：--method');
    expect((await run(['--method', 'nope', '--file', 'x.xlsx'])).stderr).toContain('不支持的接口：nope');
    expect((await run(['--method', method, '--file', join(fixtureDir, 'missing.xlsx')])).code).toBe(2);
  });
});
