import { describe, expect, it } from 'vitest';
import type { ScanKeyEvent } from '../../../../../src/renderer/features/scan/input/keyClassifier';
import { pasteSns } from '../../../../../src/renderer/features/scan/input/scanBulk';
import { ScanController } from '../../../../../src/renderer/features/scan/controller/scanController';
import { linesFromScan, scanFromLines } from '../../../../../src/renderer/features/scan/model/uploadSnLines';
import { requireScanFields } from '../../../../../src/renderer/features/scan/model/scanFields';
import { uploadSnSpec } from '../../../../../src/shared/documents/uploadSn';
import { defaultScanSettings } from '../../../../../src/renderer/features/scan/model/scanTunables';
import type { ScanState } from '../../../../../src/renderer/features/scan/model/scanData';
import { createScanState } from '../../../../../src/renderer/features/scan/model/scanState';
import { flattenChunks } from '../../../../../src/renderer/features/scan/model/snChunks';

/** A journal lookup whose answers arrive when the test says, in any order. */
class SlowJournal {
  readonly sent = new Set<string>();
  readonly asked: string[][] = [];
  private waiting: (() => void)[] = [];
  failNext = false;

  lookup = (sns: readonly string[]): Promise<ReadonlySet<string>> => {
    this.asked.push([...sns]);
    const fail = this.failNext;
    this.failNext = false;
    return new Promise((resolve, reject) =>
      this.waiting.push(() =>
        fail ? reject(new Error('主进程无响应')) : resolve(new Set(sns.filter((sn) => this.sent.has(sn)))),
      ),
    );
  };

  answerAll(): void {
    for (const answer of this.waiting.splice(0)) answer();
  }

  /** Answers every lookup, including those that queue up while answering, until nothing is asked. */
  async settle(): Promise<void> {
    for (let round = 0; round < 20; round++) {
      this.answerAll();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

function setup(
  initial: ScanState = createScanState([{ specNo: 'SPEC-A', required: null }]),
  certainlyNotSent?: (sn: string) => boolean,
) {
  const journal = new SlowJournal();
  const committed: ScanState[] = [];
  const tones: string[] = [];
  const controller = new ScanController({
    settings: defaultScanSettings,
    sound: { enabled: true, volume: 1 },
    initial,
    lookupSent: journal.lookup,
    commit: (state) => committed.push(state),
    play: (tone) => tones.push(tone),
    ...(certainlyNotSent ? { certainlyNotSent } : {}),
  });
  let now = 1000;
  let value = '';
  const scan = (code: string) => {
    for (const ch of code) {
      now += 2;
      const step = controller.handleKey(
        { type: 'keydown', key: ch, code: `Key${ch}`, timeStamp: now } as ScanKeyEvent,
        value,
      );
      if (!step.preventDefault) value += ch;
    }
    now += 2;
    const step = controller.handleKey(
      { type: 'keydown', key: 'Enter', code: 'Enter', timeStamp: now },
      value,
    );
    if (step.clearInput) value = '';
  };
  const sns = () => flattenChunks(controller.getView().state.lines[0]?.sns ?? []);
  return { journal, committed, tones, controller, scan, sns };
}

describe('scan queue', () => {
  it('keeps every scan, in order, while the journal lookup is still out, and commits each state right after showing it', async () => {
    const { journal, committed, controller, scan, sns } = setup();
    const shown: ScanState[] = [];
    controller.subscribe(() => {
      // The screen hears first; every state it saw before this one was committed before the queue went on.
      expect(committed).toEqual(shown);
      shown.push(controller.getView().state);
    });
    for (let i = 0; i < 50; i++) scan(`SCAN${String(i).padStart(4, '0')}`);
    expect(sns()).toEqual([]);
    await journal.settle();
    await controller.idle();
    expect(sns()).toEqual(Array.from({ length: 50 }, (_, i) => `SCAN${String(i).padStart(4, '0')}`));
    // One lookup for the first value, then one for everything that queued meanwhile.
    expect(journal.asked.length).toBeLessThanOrEqual(2);
    expect(committed).toHaveLength(50);
    expect(committed).toEqual(shown);
  });

  it('takes and commits every scan although its tone cannot play', async () => {
    const journal = new SlowJournal();
    const committed: ScanState[] = [];
    const controller = new ScanController({
      settings: defaultScanSettings,
      sound: { enabled: true, volume: 1 },
      initial: createScanState([{ specNo: 'SPEC-A', required: null }]),
      lookupSent: journal.lookup,
      commit: (state) => committed.push(state),
      play: () => {
        throw new Error('audio device gone');
      },
    });
    let now = 1000;
    let value = '';
    for (const code of ['MUTE0001', 'MUTE0002']) {
      for (const key of [...code, 'Enter']) {
        now += 2;
        const step = controller.handleKey(
          { type: 'keydown', key, code: key === 'Enter' ? 'Enter' : 'KeyA', timeStamp: now },
          value,
        );
        if (!step.preventDefault) value += key;
        if (step.clearInput) value = '';
      }
      now += 500;
    }
    await journal.settle();
    await controller.idle();
    expect(flattenChunks(committed.at(-1)?.lines[0]?.sns ?? [])).toEqual(['MUTE0001', 'MUTE0002']);
    expect(controller.getView().feedback?.result?.kind).toBe('accepted');
  });

  it('takes an SN the sent-SN filter lacks within its key event, and asks main about one it may hold', async () => {
    const { journal, controller, scan, sns, tones } = setup(undefined, (sn) => !sn.startsWith('MAYBE'));
    journal.sent.add('MAYBE0002');
    scan('FRESH0001');
    // No lookup, no waiting: the scan is in before the Enter key's handling returns.
    expect(sns()).toEqual(['FRESH0001']);
    expect(journal.asked).toEqual([]);

    scan('MAYBE0001');
    scan('MAYBE0002');
    expect(sns()).toEqual(['FRESH0001']);
    await journal.settle();
    await controller.idle();
    expect(journal.asked.flat().sort()).toEqual(['MAYBE0001', 'MAYBE0002']);
    expect(sns()).toEqual(['FRESH0001', 'MAYBE0001']);
    expect(tones).toEqual(['success', 'success', 'duplicate']);
  });

  it('refuses an SN the journal knows, with the duplicate tone, and asks again after the journal changed', async () => {
    const { journal, tones, controller, scan, sns } = setup();
    journal.sent.add('SENT0001');
    scan('SENT0001');
    scan('FRESH001');
    await journal.settle();
    await controller.idle();
    expect(sns()).toEqual(['FRESH001']);
    expect(tones).toEqual(['duplicate', 'success']);
    expect(controller.getView().feedback?.message).toContain('已录入');

    controller.forgetSentAnswers();
    journal.sent.add('LATER001');
    scan('LATER001');
    await journal.settle();
    await controller.idle();
    expect(controller.getView().feedback?.message).toBe('SN 已在之前的提交中发送过，不能再次录入');
  });

  it('reports a failed lookup for that scan and still takes the scans after it', async () => {
    const { journal, controller, scan, sns } = setup();
    journal.failNext = true;
    scan('LOST0001');
    await journal.settle();
    await controller.idle();
    expect(controller.getView().feedback).toMatchObject({ tone: 'error' });
    expect(controller.getView().feedback?.message).toContain('请重扫：LOST0001');
    scan('NEXT0001');
    await journal.settle();
    await controller.idle();
    expect(sns()).toEqual(['NEXT0001']);
  });

  it('applies undo and a bulk paste after the scans submitted before them', async () => {
    const { journal, controller, scan, sns } = setup();
    scan('FIRST001');
    scan('SECOND01');
    const undone = controller.undo();
    const pasted = pasteSns(controller, 'PASTE001\nFIRST001\n\nPASTE002');
    await journal.settle();
    await undone;
    const tally = await pasted;
    expect(sns()).toEqual(['FIRST001', 'PASTE001', 'PASTE002']);
    expect(tally).toEqual({ added: 2, duplicates: 1, invalid: 0, refused: 0 });
  });

  it('shows the IME banner on composition and clears it with the next scan taken', async () => {
    const { journal, tones, controller, scan } = setup();
    controller.handleKey({ type: 'compositionstart', timeStamp: 1 }, '');
    expect(controller.getView().imeWarning).toBe(true);
    expect(tones).toEqual(['error']);
    controller.handleKey({ type: 'compositionend', timeStamp: 2 }, '');
    scan('AFTER001');
    await journal.settle();
    await controller.idle();
    expect(controller.getView().imeWarning).toBe(false);
  });

  it('leaves IME mode when the browser reports keys without composition, although compositionend never came', async () => {
    const { journal, controller, sns } = setup();
    controller.handleKey({ type: 'compositionstart', timeStamp: 1 }, '');
    // The IME was switched off mid-word: no compositionend, then plain keys with isComposing false.
    let now = 2000;
    let value = '';
    for (const ch of 'PLAIN001') {
      now += 2;
      controller.handleKey(
        { type: 'keydown', key: ch, code: `Key${ch}`, isComposing: false, timeStamp: now },
        value,
      );
      value += ch;
    }
    controller.handleKey(
      { type: 'keydown', key: 'Enter', code: 'Enter', isComposing: false, timeStamp: now + 2 },
      value,
    );
    await journal.settle();
    await controller.idle();
    expect(sns()).toEqual(['PLAIN001']);
  });
});

const uploadSnKeys = requireScanFields(uploadSnSpec);

describe('scan state as document lines', () => {
  it('derives spec_no, sn_list and the line fields, and rebuilds the same from the lines', () => {
    const rebuilt = scanFromLines(
      [
        { spec_no: 'SPEC-A', defect: true, sn_list: 'A1\nA2' },
        { spec_no: 'SPEC-B', sn_list: ['B1', 'A1', 'B2'] },
        {},
      ],
      null,
      uploadSnKeys,
    );
    expect(rebuilt.duplicates).toBe(1);
    const lines = linesFromScan(rebuilt.state, rebuilt.fields, uploadSnKeys);
    expect(lines).toEqual([
      { defect: true, spec_no: 'SPEC-A', sn_list: ['A1', 'A2'] },
      { spec_no: 'SPEC-B', sn_list: ['B1', 'B2'] },
    ]);
    // An unchanged line keeps its row object, so the grid re-renders only what changed.
    expect(linesFromScan(rebuilt.state, rebuilt.fields, uploadSnKeys)[1]).toBe(lines[1]);
  });
});
