/**
 * `wdt catalog` against the practice ERP: the JSON a support person gets, and the exit codes scripts rely on.
 */
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogExitCodes, runCatalog } from '../../src/cli/catalogCommand';
import type { CliIo } from '../../src/cli/io';
import { demoAccount, startSimulator, type Simulator } from '../../src/main/wdt/simulator';
import { practiceMasterData, type MasterData } from '../../src/main/wdt/simulated-erp/masterData';

const running: Simulator[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const env = { WDT_APPSECRET: demoAccount.appsecret };
const account = (url: string) => ['--url', url, '--sid', demoAccount.sid, '--key', demoAccount.appkey];

async function outFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wdt-catalog-'));
  folders.push(dir);
  return join(dir, 'catalog.json');
}

async function cli(argv: string[], environment: Record<string, string> = env) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) };
  const code = await runCatalog(argv, io, { fetch, now: Date.now, env: environment });
  return { code, stdout, stderr };
}

async function simulator(data: MasterData): Promise<Simulator> {
  const sim = await startSimulator({ masterData: data });
  running.push(sim);
  return sim;
}

interface Output {
  specs: { spec_no: string; goods_name: string; spec_name: string; barcodes: string[] }[];
  suites: { spec_no: string; goods_name: string; spec_name: string; barcodes: string[] }[];
  warehouses: { warehouse_no: string; name: string }[];
  providers: { provider_no: string; provider_name: string }[];
  purchasers: string[];
}

describe('wdt catalog', () => {
  it('writes the whole catalog as JSON and exits 0', async () => {
    const data = practiceMasterData();
    const sim = await simulator(data);
    const out = await outFile();
    const result = await cli([...account(sim.url), '--out', out]);
    expect(result.code).toBe(catalogExitCodes.done);
    expect(result.stderr.some((line) => line.includes('货品与条码'))).toBe(true);
    const written = JSON.parse(await readFile(out, 'utf8')) as Output;
    expect(Object.keys(written)).toEqual(['specs', 'suites', 'warehouses', 'providers', 'purchasers']);

    const liveSpecs = data.goods
      .filter((goods) => goods.deleted === 0)
      .flatMap((goods) => goods.specs.filter((spec) => spec.deleted === 0).map((spec) => ({ goods, spec })));
    expect(written.specs).toHaveLength(liveSpecs.length);
    const several = liveSpecs.find(({ spec }) => spec.barcodes.length > 1);
    expect(written.specs.find((spec) => spec.spec_no === several?.spec.specNo)).toEqual({
      spec_no: several?.spec.specNo,
      goods_name: several?.goods.goodsName,
      spec_name: several?.spec.specName,
      barcodes: several?.spec.barcodes,
    });
    expect(written.suites.map((suite) => suite.spec_no)).toContain('xiangyin01+02');
    expect(written.warehouses).toContainEqual({
      warehouse_no: 'wdtapi3-test',
      name: expect.any(String) as string,
    });
    expect(written.providers.map((provider) => provider.provider_no)).toContain('LCJtest11');
    const purchasers = data.employees
      .filter((employee) => employee.deleted === 0 && (employee.rolesMask & 512) !== 0)
      .map((employee) => employee.shortname);
    expect([...written.purchasers].sort()).toEqual([...purchasers].sort());
    expect(written.purchasers).toEqual(expect.arrayContaining(['lj', 'lz', '张三']));
  });

  it('exits 1 and says which method the ERP refused, writing the rest', async () => {
    const sim = await simulator(practiceMasterData());
    sim.setQueryStyle({ refused: { 'goods.Suite.search': '权限不足' } });
    const out = await outFile();
    const result = await cli([...account(sim.url), '--out', out, '--since', '2020-01-01']);
    expect(result.code).toBe(catalogExitCodes.refused);
    expect(result.stderr.join('\n')).toMatch(/组合装[\s\S]*goods\.Suite\.search/);
    const written = JSON.parse(await readFile(out, 'utf8')) as Output;
    expect(written.suites).toEqual([]);
    expect(written.specs.length).toBeGreaterThan(0);
  });

  it('exits 4 and writes nothing when the ERP cannot be reached', async () => {
    const port = await closedPort();
    const out = await outFile();
    const result = await cli([...account(`http://127.0.0.1:${port}/openapi`), '--out', out]);
    expect(result.code).toBe(catalogExitCodes.unreachable);
    expect(result.stderr.join('\n')).toContain('无法连接 ERP');
    await expect(access(out)).rejects.toThrow();
  });

  it('exits 2 on a usage error: no --out, a bad --since, no secret', async () => {
    const url = 'http://127.0.0.1:9/openapi';
    expect((await cli(account(url))).code).toBe(catalogExitCodes.invalid);
    const badSince = await cli([...account(url), '--out', await outFile(), '--since', '2024-02-30']);
    expect(badSince.code).toBe(catalogExitCodes.invalid);
    expect(badSince.stderr[0]).toContain('--since');
    const noSecret = await cli([...account(url), '--out', await outFile()], {});
    expect(noSecret.code).toBe(catalogExitCodes.invalid);
    expect(noSecret.stderr[0]).toContain('WDT_APPSECRET');
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
