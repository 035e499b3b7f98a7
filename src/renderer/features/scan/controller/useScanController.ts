/**
 * Creates a scan view's controller once its settings are read, and keeps the view in step with it. The
 * journal lookup goes to main, unless main's filter of sent SNs says there is nothing to find; a change in
 * the journal (a submission accepted) drops cached answers and the filter. The catalog likewise: a scanned
 * code its filter may hold is looked up as a product (catalogFilter.ts); a change of the catalog drops the
 * answers.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { bridge } from '../../../stores/bridge';
import { ScanController, type ScanView } from './scanController';
import { loadScanPreferences } from './savedScanPreferences';
import type { ScanState } from '../model/scanData';
import type { ScanContext } from '../model/scanContext';
import { playTone } from '../views/scanTones';
import { catalogCodes, loadCatalogCodeFilter, onCatalogCodesChanged } from '../lookup/catalogFilter';
import { certainlyNotSent, loadSentSnFilter } from '../lookup/heldSentSnFilter';

export interface ScanControllerSetup {
  /** Read once, when the controller is created. */
  readonly initial: () => ScanState;
  readonly commit: (state: ScanState) => void;
  readonly context?: () => Omit<ScanContext, 'isAlreadySent'>;
  /** Wait for this (a draft being read) before the state is taken. */
  readonly ready?: () => Promise<unknown>;
}

export async function lookupSentSns(sns: readonly string[]): Promise<ReadonlySet<string>> {
  const result = await bridge().findSentSns({ sns: [...sns] });
  if (!result.ok) throw new Error(result.error.message);
  return new Set(result.value);
}

/** The controller, or null while the settings are read. `key` changes start a fresh controller. */
export function useScanController(setup: ScanControllerSetup, key: unknown): ScanController | null {
  const [controller, setController] = useState<ScanController | null>(null);
  useEffect(() => {
    let live = true;
    void loadSentSnFilter();
    void loadCatalogCodeFilter();
    void Promise.all([loadScanPreferences(), setup.ready?.()]).then(([preferences]) => {
      if (!live) return;
      setController(
        new ScanController({
          settings: preferences.scan,
          sound: preferences.sound,
          initial: setup.initial(),
          lookupSent: lookupSentSns,
          certainlyNotSent,
          catalog: catalogCodes,
          snShape: preferences.snShape,
          commit: setup.commit,
          ...(setup.context ? { context: setup.context } : {}),
          play: playTone,
        }),
      );
    });
    return () => {
      live = false;
    };
    // The setup is read when a controller is made; `key` says when to make a new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (controller === null) return;
    const stopJournal = bridge().events.journalChanged(() => controller.forgetSentAnswers());
    const stopCatalog = onCatalogCodesChanged(() => controller.forgetProductAnswers());
    return () => {
      stopJournal();
      stopCatalog();
    };
  }, [controller]);
  return controller;
}

const noop = () => () => undefined;
const nothing = (): null => null;

/**
 * The controller's view, rendered synchronously on every change: the controller commits a scan (hands the
 * draft to main) right after telling the view, and that hand-off should come after the render, not during
 * it (see scanController.ts).
 */
export function useScanView(controller: ScanController | null): ScanView | null {
  const subscribe = useMemo(
    () =>
      controller === null ? noop : (listener: () => void) => controller.subscribe(() => flushSync(listener)),
    [controller],
  );
  return useSyncExternalStore(subscribe, controller?.getView ?? nothing);
}
