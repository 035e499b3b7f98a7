/**
 * The document screens' stores as a test file needs them: for each test, fake timers, a fresh fake bridge as
 * `window.wdt`, empty document stores and draft saving with its 300 ms pause; all undone after the test.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { resetDocuments } from '../../../src/renderer/features/documents/documentStore';
import { startDraftSync, stopDraftSync } from '../../../src/renderer/features/documents/documentDraftSync';
import { FakeDocBridge } from './docFakeBridge';

/** Registers the hooks; `use` receives each test's new bridge before the test runs. */
export function useDocumentScreens(use: (fake: FakeDocBridge) => void): void {
  beforeEach(() => {
    vi.useFakeTimers();
    const fake = new FakeDocBridge();
    use(fake);
    vi.stubGlobal('window', fake.asWindow());
    resetDocuments();
    startDraftSync(300);
  });

  afterEach(() => {
    stopDraftSync();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}
