/**
 * A barcode scanner typing into a ScanController's input, as the browser would deliver it: keydown events a
 * couple of milliseconds apart on a clock of the test's own, and the input's value kept as the controller's
 * answers leave it (a key it takes is not typed; a scan it takes clears the input).
 */
import type { ScanKeyEvent } from '../../../../../src/renderer/features/scan/input/keyClassifier';
import type { ScanController } from '../../../../../src/renderer/features/scan/controller/scanController';
import { flattenChunks } from '../../../../../src/renderer/features/scan/model/snChunks';

export function scannerAt(controller: ScanController) {
  let now = 1000;
  let value = '';
  /** One key, `gap` ms after the one before. */
  const key = (ch: string, gap = 2) => {
    now += gap;
    const step = controller.handleKey(
      { type: 'keydown', key: ch, code: ch, timeStamp: now } as ScanKeyEvent,
      value,
    );
    if (step.clearInput) value = '';
    else if (!step.preventDefault && ch.length === 1) value += ch;
  };
  /** The code's keys and Enter at scanner speed, then `pauseAfter` ms before whatever comes next. */
  const scan = (code: string, pauseAfter = 0) => {
    for (const ch of code) key(ch);
    key('Enter');
    now += pauseAfter;
  };
  /** Each line as the screen lists it: its spec_no, then its SNs. */
  const lines = () =>
    controller.getView().state.lines.map((line) => [line.specNo, ...flattenChunks(line.sns)].join(' '));
  return { key, scan, lines };
}
