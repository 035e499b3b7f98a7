/**
 * A product's code scanned where an SN is expected: with the profile's SN shape, it is never stored as an
 * SN unasked. In the scan view (which can add lines) the worker answers 1 or 2; where only an SN can go, it
 * is refused with its own tone.
 */
import { describe, expect, it } from 'vitest';
import { scannerAt } from '../controller/scannerKeys';
import { ScanController } from '../../../../../src/renderer/features/scan/controller/scanController';
import { defaultScanSettings } from '../../../../../src/renderer/features/scan/model/scanTunables';
import { applyScan, createScanState } from '../../../../../src/renderer/features/scan/model/scanState';
import type { SnShape } from '../../../../../src/shared/snShape';

const shape: SnShape = { minLength: 9, maxLength: 9, pattern: 'SN[0-9]{7}' };

describe('applyScan with an SN shape', () => {
  it('asks about a code that does not fit, where lines can be added, and changes nothing', () => {
    const state = createScanState([{ specNo: 'DFAQT106', required: null }]);
    const { state: after, result } = applyScan(state, 'DFAQT107', 'scanner', {
      snShape: shape,
      canAddLines: true,
    });
    expect(result).toMatchObject({ kind: 'ask-kind', tone: 'not-sn', value: 'DFAQT107' });
    expect(result.message).toContain('按 1 作为 SN，按 2 作为商家编码新增行');
    expect(after).toBe(state);
  });

  it('refuses it with its own tone where only an SN can go', () => {
    const state = createScanState([{ specNo: 'DFAQT106', required: 2 }]);
    const { state: after, result } = applyScan(state, 'DFAQT107', 'scanner', { snShape: shape });
    expect(result).toMatchObject({ kind: 'not-sn', tone: 'not-sn' });
    expect(result.message).toContain('不是 SN');
    expect(after).toBe(state);
  });

  it('takes an SN that fits, and selects the line of a code already on one, as before', () => {
    const state = createScanState([
      { specNo: 'DFAQT106', required: null },
      { specNo: 'DFAQT107', required: null },
    ]);
    const ctx = { snShape: shape, canAddLines: true };
    const taken = applyScan(state, 'SN1060001', 'scanner', ctx);
    expect(taken.result).toMatchObject({ kind: 'accepted', line: 0 });
    const selected = applyScan(taken.state, 'DFAQT107', 'scanner', ctx);
    expect(selected.result).toMatchObject({ kind: 'line-selected', line: 1, added: false });
  });
});

function setup() {
  const tones: string[] = [];
  const controller = new ScanController({
    settings: defaultScanSettings,
    sound: { enabled: true, volume: 1 },
    initial: createScanState([{ specNo: 'DFAQT106', required: null }]),
    lookupSent: () => Promise.resolve(new Set<string>()),
    commit: () => undefined,
    play: (tone) => tones.push(tone),
    context: () => ({ canAddLines: true }),
    snShape: shape,
  });
  const { key, scan, lines } = scannerAt(controller);
  return { controller, scan, key, lines, tones };
}

describe('the question in the scan view', () => {
  it('waits for 2 and adds the code as a product line; its SNs then go there', async () => {
    const { controller, scan, key, lines, tones } = setup();
    scan('SN1060001');
    scan('DFAQT107');
    await controller.idle();
    expect(controller.getView().question).toEqual({ value: 'DFAQT107' });
    expect(tones.at(-1)).toBe('not-sn');
    expect(lines()).toEqual(['DFAQT106 SN1060001']);
    key('2', 600);
    key('Enter', 150);
    await controller.idle();
    expect(controller.getView().question).toBeNull();
    expect(controller.getView().feedback?.message).toContain('已新增第2行：DFAQT107');
    scan('SN1070001');
    await controller.idle();
    expect(lines()).toEqual(['DFAQT106 SN1060001', 'DFAQT107 SN1070001']);
  });

  it('takes the code as an SN on 1, and a new scan instead of an answer drops the question', async () => {
    const { controller, scan, lines } = setup();
    scan('ODD12');
    await controller.idle();
    expect(controller.answer('sn')).toBe(true);
    await controller.idle();
    expect(lines()).toEqual(['DFAQT106 ODD12']);
    expect(controller.answer('sn')).toBe(false);

    scan('DFAQT999');
    await controller.idle();
    expect(controller.getView().question).not.toBeNull();
    scan('SN1060002');
    await controller.idle();
    expect(controller.getView().question).toBeNull();
    expect(lines()).toEqual(['DFAQT106 ODD12 SN1060002']);
  });
});
