import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/main/journal/journal';
import { UNKNOWN_AFTER_CRASH_REASON } from '../../../src/main/journal/errors';
import { tempFolder } from './helpers';

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the crash writer and SIGKILLs it right after it reports the in-flight submission. */
function runAndKill(folder: string, completed: number): Promise<{ done: string[]; inFlight: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, folder, String(completed)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done: string[] = [];
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crash writer did not report in time: ${stderr}`));
    }, 15_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        const [word, id] = line.split(' ');
        if (word === 'DONE' && id) done.push(id);
        if (word === 'BEGUN' && id) {
          child.kill('SIGKILL');
          child.once('exit', (_code, signal) => {
            clearTimeout(timer);
            if (signal === 'SIGKILL') resolve({ done, inFlight: id });
            else reject(new Error(`crash writer exited with ${String(signal)}`));
          });
        }
      }
    });
    child.once('error', reject);
  });
}

describe('journal: a real crash', () => {
  it('a process killed mid-call leaves its submission unknown and every earlier one intact', async () => {
    const folder = await tempFolder();
    const { done, inFlight } = await runAndKill(folder, 20);
    expect(done).toHaveLength(20);

    const { journal, report } = await openJournal({ folder });
    expect(report.skippedLines).toEqual([]);
    expect(report.recoveredAsUnknown).toEqual([inFlight]);
    expect(journal.size).toBe(21);
    expect(journal.get(inFlight)).toMatchObject({ outcome: 'unknown', message: UNKNOWN_AFTER_CRASH_REASON });
    for (const [i, id] of done.entries()) {
      expect(journal.get(id)).toMatchObject({
        outcome: 'accepted',
        documentNo: `CK${i}`,
        businessKey: `DONE-${i}`,
      });
    }
    expect(journal.findPrior('wms.outer.OuterOut.createOrder', 'IN-FLIGHT').map((entry) => entry.id)).toEqual(
      [inFlight],
    );
    await journal.close();
  });
});
