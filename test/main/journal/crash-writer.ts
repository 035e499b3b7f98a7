/**
 * Child process for the crash test: writes `count` complete submissions, then begins one more and reports
 * its id on stdout, then waits to be killed (SIGKILL) before it can record the result.
 * Usage: node --import tsx test/main/journal/crash-writer.ts <folder> <count>
 */
import { openJournal } from '../../../src/main/journal/journal';
import { sampleStart } from './samples';

const [folder, countText] = process.argv.slice(2);
if (folder === undefined || countText === undefined) throw new Error('usage: crash-writer <folder> <count>');

const { journal } = await openJournal({ folder });
for (let i = 0; i < Number(countText); i += 1) {
  const id = await journal.beginSubmission(sampleStart({ businessKey: `DONE-${i}` }));
  await journal.recordResult(
    id,
    {
      kind: 'accepted',
      documentNo: `CK${i}`,
      response: { status: 0, data: { status: 0, message: `CK${i}` } },
    },
    5,
  );
  process.stdout.write(`DONE ${id}\n`);
}
const id = await journal.beginSubmission(sampleStart({ businessKey: 'IN-FLIGHT' }));
process.stdout.write(`BEGUN ${id}\n`);
// The request is "on the wire" now; stay alive until the parent kills this process.
setInterval(() => undefined, 1000);
