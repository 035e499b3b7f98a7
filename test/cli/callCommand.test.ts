import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { documentSpecs, outerOutSpec } from '../../src/shared/documents';
import { demoAccount, type Simulator } from '../../src/main/wdt/simulator';
import { runCall } from '../../src/cli/callCommand';
import { exitCodes } from '../../src/cli/io';
import { fixedAnswerErp } from '../support/fixedAnswerErp';
import { account, argsFile, captured, simulator, type Captured } from './cliRun';

/** The command line a support person types for the demo account (the secret comes from the environment). */
function callArgv(url: string, method: string, file: string): string[] {
  return [...account(url), '--method', method, '--args', file];
}

async function call(
  sim: Simulator | { url: string },
  method: string,
  file: string,
  extra: string[] = [],
  secret = demoAccount.appsecret,
): Promise<Captured> {
  const argv = [...callArgv(sim.url, method, file), ...extra];
  return captured((io) => runCall(argv, io, { fetch, now: Date.now, env: { WDT_APPSECRET: secret } }));
}

describe('wdt call', () => {
  it.each(documentSpecs.map((spec) => [spec.method, spec] as const))(
    'sends the vendor page example of %s and prints the accepted response',
    async (_method, spec) => {
      const sim = await simulator();
      const result = await call(sim, spec.method, await argsFile(spec.example.args));
      expect(result.stderr.join('\n')).not.toMatch(/错误/);
      expect(result.code).toBe(exitCodes.accepted);
      const response = JSON.parse(result.stdout[0] ?? '') as { status: number };
      expect(response.status).toBe(0);
      expect(sim.requests).toHaveLength(1);
    },
  );

  it('refuses invalid arguments before sending, listing every problem', async () => {
    const sim = await simulator();
    const bad = [{ warehouse_no: '', src_order_type: 2 }, [{ spec_no: 'A', num: 0 }], false];
    const result = await call(sim, outerOutSpec.method, await argsFile(bad));
    expect(result.code).toBe(exitCodes.invalid);
    const text = result.stderr.join('\n');
    expect(text).toContain('仓库编号');
    expect(text).toContain('源单号');
    expect(text).toContain('数量');
    expect(text).toContain('未发送');
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses an unknown field rather than sending it', async () => {
    const sim = await simulator();
    const bad = [{ warehouse_no: 'pos', colour: 'red' }, [{ spec_no: 'A', num: 1 }], false];
    const result = await call(sim, outerOutSpec.method, await argsFile(bad));
    expect(result.code).toBe(exitCodes.invalid);
    expect(result.stderr.join('\n')).toContain('colour');
    expect(sim.requests).toHaveLength(0);
  });

  it('exits 1 with the Chinese explanation when the ERP refuses (wrong appsecret)', async () => {
    const sim = await simulator();
    const file = await argsFile(outerOutSpec.example.args);
    const result = await call(sim, outerOutSpec.method, file, [], 'wrong:secret');
    expect(result.code).toBe(exitCodes.refused);
    expect(result.stderr.join('\n')).toMatch(/appsecret/);
  });

  it('exits 3 when the outcome is unknown, and does not resend', async () => {
    const sim = await simulator();
    sim.injectFault({ kind: 'delay', ms: 1500, times: 1 });
    const result = await call(sim, outerOutSpec.method, await argsFile(outerOutSpec.example.args), [
      '--timeout',
      '0.3',
    ]);
    expect(result.code).toBe(exitCodes.unknown);
    expect(sim.requests).toHaveLength(1);
  });

  it.each([
    [4, '数据库错误'],
    [5, '数据库错误'],
    [99, '其他错误'],
    [42, '未列出的状态'],
  ])(
    'exits 3 when the ERP answers status %i (%s), which proves nothing, and does not resend',
    async (status, message) => {
      const erp = await fixedAnswerErp({ status, message });
      const result = await call(erp, outerOutSpec.method, await argsFile(outerOutSpec.example.args));
      expect(result.code).toBe(exitCodes.unknown);
      expect(erp.requests()).toBe(1);
      expect(JSON.parse(result.stdout[0] ?? '')).toMatchObject({
        outcome: 'unknown',
        response: { status, message },
      });
      expect(result.stderr.join('\n')).toContain('结果未知');
    },
  );

  it('exits 1 for a business refusal (status 100), which proves nothing was created', async () => {
    const erp = await fixedAnswerErp({ status: 100, message: '货品列表中有相同商家编码的货品！' });
    const result = await call(erp, outerOutSpec.method, await argsFile(outerOutSpec.example.args));
    expect(result.code).toBe(exitCodes.refused);
    expect(result.stderr.join('\n')).toContain('允许添加相同的货品');
  });

  it('exits 4 when nothing could be sent', async () => {
    const sim = await simulator();
    const url = sim.url;
    await sim.close();
    const result = await call({ url }, outerOutSpec.method, await argsFile(outerOutSpec.example.args));
    expect(result.code).toBe(exitCodes.notSent);
  });

  it('exits 2 on usage errors, and never takes the appsecret from the command line', async () => {
    const sim = await simulator();
    const file = await argsFile(outerOutSpec.example.args);
    expect((await call(sim, 'no.such.Method', file)).code).toBe(exitCodes.invalid);
    expect((await call(sim, outerOutSpec.method, file, [], '')).code).toBe(exitCodes.invalid);
    expect((await call(sim, outerOutSpec.method, file, ['--appsecret', 'x:y'])).code).toBe(exitCodes.invalid);
    expect(sim.requests).toHaveLength(0);
  });

  it('works as the npm script runs it (a real process, secret from the environment)', async () => {
    const sim = await simulator();
    const file = await argsFile(outerOutSpec.example.args);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/wdt.ts', 'call', ...callArgv(sim.url, outerOutSpec.method, file)],
      { env: { ...process.env, WDT_APPSECRET: demoAccount.appsecret } },
    );
    expect((JSON.parse(stdout) as { status: number }).status).toBe(0);
    expect(sim.created).toHaveLength(1);
  });
});
