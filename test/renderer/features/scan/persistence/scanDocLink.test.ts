/**
 * The scan link brings back scans the document draft does not hold yet (the app was closed right after a
 * scan). A store update that does not touch the lines, arriving before the restored scans are written into
 * the document, must not be taken for lines changed elsewhere: that threw the scans and their draft away.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { uploadSnSpec } from '../../../../../src/shared/documents';
import { scanDraftIdFor } from '../../../../../src/shared/draftIds';
import { loadDocDraft } from '../../../../../src/renderer/features/documents/documentDraftSync';
import {
  getDoc,
  resetDocuments,
  setProblems,
} from '../../../../../src/renderer/features/documents/documentStore';
import { scanLinkFor } from '../../../../../src/renderer/features/scan/persistence/scanDocLink';
import { FakeDocBridge } from '../../../support/docFakeBridge';

let fake: FakeDocBridge;

beforeEach(() => {
  vi.useFakeTimers();
  fake = new FakeDocBridge();
  vi.stubGlobal('window', fake.asWindow());
  resetDocuments();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

it('keeps restored scans when the store changes before they reach the document', async () => {
  const method = uploadSnSpec.method;
  const scanDraft = scanDraftIdFor(method);
  fake.drafts.set(scanDraft, {
    v: 2,
    state: {
      version: 1,
      lines: [{ specNo: 'DFAQT301', required: null, sns: [['KILL0001', 'KILL0002', 'KILL0003']], count: 3 }],
      activeLine: 0,
      expected: null,
      typed: [],
      undo: ['KILL0001', 'KILL0002', 'KILL0003'],
    },
    fields: [],
  });
  await loadDocDraft(uploadSnSpec);
  const link = scanLinkFor(method);
  await link.restore();

  // e.g. the first validation result, before the restored lines are written into the document.
  setProblems(method, [], {});
  await vi.runAllTimersAsync();

  expect(link.current().lines.map((line) => [line.specNo, line.count])).toEqual([['DFAQT301', 3]]);
  expect(getDoc(method)?.lines[0]?.['spec_no']).toBe('DFAQT301');
  expect(fake.calls).not.toContain(`delete ${scanDraft}`);
  expect(fake.drafts.has(scanDraft)).toBe(true);
});
