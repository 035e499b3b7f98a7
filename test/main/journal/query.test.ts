import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../../src/shared/outcome';
import { openJournal } from '../../../src/main/journal/journal';
import { ManualClock, tempFolder } from './helpers';
import { outerOutBody, sampleStart, uploadSnBody } from './samples';

const accepted = (documentNo: string): CallOutcome => ({
  kind: 'accepted',
  documentNo,
  response: { status: 0 },
});
const refused: CallOutcome = {
  kind: 'refused',
  status: 100,
  message: '无该仓库权限',
  resendable: false,
  explanation: '请联系管理员授权',
  response: { status: 100, code: 'right.required', message: '无该仓库权限' },
};

/** Ten submissions, one a day from Nov 1, alternating operators, profiles and outcomes. */
async function fixture() {
  const folder = await tempFolder();
  const clock = new ManualClock(Date.parse('2026-11-01T02:00:00Z'));
  const { journal } = await openJournal({ folder, now: clock.now });
  for (let day = 1; day <= 10; day += 1) {
    const key = `OUT-${day}`;
    const upload = day === 7;
    const id = await journal.beginSubmission(
      sampleStart({
        businessKey: key,
        operator: day % 2 === 0 ? '李四' : '张三',
        profileName: day <= 5 ? '练习环境' : '正式账号',
        method: upload ? 'wms.stockout.Base.uploadSN' : 'wms.outer.OuterOut.createOrder',
        body: upload
          ? uploadSnBody('CK0007', 'SPEC-7', ['SN0007A'])
          : outerOutBody(key, `SPEC-${day}`, [`SN${day}X`]),
      }),
    );
    await journal.recordResult(id, day % 3 === 0 ? refused : accepted(`CK2026${day}`), 100);
    clock.advance(24 * 3600 * 1000);
  }
  return journal;
}

describe('journal: the log screen query', () => {
  it('filters by date range, method, outcome, operator and profile, newest first', async () => {
    const journal = await fixture();
    const keys = async (query: Parameters<typeof journal.query>[0]) =>
      (await journal.query(query)).entries.map((entry) => entry.businessKey);

    expect(await keys({ from: '2026-11-03T00:00:00Z', to: '2026-11-05T00:00:00Z' })).toEqual([
      'OUT-4',
      'OUT-3',
    ]);
    expect(await keys({ methods: ['wms.stockout.Base.uploadSN'] })).toEqual(['OUT-7']);
    expect(await keys({ outcomes: ['refused'] })).toEqual(['OUT-9', 'OUT-6', 'OUT-3']);
    expect(await keys({ operator: '李四', profileName: '练习环境' })).toEqual(['OUT-4', 'OUT-2']);
    expect(await keys({ outcomes: ['unknown'] })).toEqual([]);
    await journal.close();
  });

  it('finds free text in the document number, the business key, a spec_no or an SN in the body', async () => {
    const journal = await fixture();
    const keys = async (text: string) =>
      (await journal.query({ text })).entries.map((entry) => entry.businessKey);

    expect(await keys('CK20265')).toEqual(['OUT-5']);
    expect(await keys('out-8')).toEqual(['OUT-8']);
    expect(await keys('SPEC-2')).toEqual(['OUT-2']);
    expect(await keys('SN0007A')).toEqual(['OUT-7']);
    expect(await keys('SN3X')).toEqual(['OUT-3']);
    expect(await keys('not anywhere')).toEqual([]);
    expect((await journal.query({ text: 'SPEC-', outcomes: ['refused'] })).total).toBe(3);
    await journal.close();
  });

  it('pages with offset and limit and reports the total', async () => {
    const journal = await fixture();
    const page = await journal.query({ offset: 3, limit: 4 });
    expect(page.total).toBe(10);
    expect(page.entries.map((entry) => entry.businessKey)).toEqual(['OUT-7', 'OUT-6', 'OUT-5', 'OUT-4']);
    const last = await journal.query({ offset: 8, limit: 4 });
    expect(last.entries.map((entry) => entry.businessKey)).toEqual(['OUT-2', 'OUT-1']);
    expect((await journal.query({ offset: 20 })).entries).toEqual([]);
    await journal.close();
  });

  it('shows the refusal message in the row and the full response in the detail', async () => {
    const journal = await fixture();
    const [row] = (await journal.query({ text: 'OUT-3' })).entries;
    expect(row).toMatchObject({ outcome: 'refused', message: '无该仓库权限' });
    const detail = await journal.getDetail(row?.id ?? '');
    expect(detail?.result).toEqual(refused);
    expect(JSON.parse(detail?.body ?? '')).toEqual(JSON.parse(outerOutBody('OUT-3', 'SPEC-3', ['SN3X'])));
    await journal.close();
  });
});
