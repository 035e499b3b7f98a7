/**
 * Where scanning plugs into the generic document screen, decided from the spec alone (scanKindOf): documents
 * whose lines are "product code + SN list" get a scan mode for the whole lines area; documents with a
 * per-line quantity and an SN switch get a 扫码 action for the active line.
 */
import { useEffect, useState } from 'react';
import type { DocumentSpec } from '../../../../shared/spec';
import { useActiveCell, useDocLines, useDocLoaded } from '../../documents/documentStore';
import { Button } from '../../../ui/Button';
import { isSnEnabled } from '../model/outerOutLineScan';
import { perLineFieldsOf, scanKindOf } from '../model/scanFields';
import { LineScanDialog } from './LineScanDialog';
import { scanLinkFor } from '../persistence/scanDocLink';

/** For a 'lines' document: once its draft is read, bring back scans the document draft may not hold yet. */
export function useScanRestore(spec: DocumentSpec): void {
  const loaded = useDocLoaded(spec.method);
  const kind = scanKindOf(spec);
  useEffect(() => {
    if (loaded && kind === 'lines') void scanLinkFor(spec.method).restore();
  }, [loaded, kind, spec.method]);
}

const modeKey = (method: string) => `wdt.linesMode.${method}`;

/** 表格 or 扫码 for a 'lines' document, remembered per document type on this PC. */
export function useLinesMode(method: string): ['grid' | 'scan', (mode: 'grid' | 'scan') => void] {
  const [mode, setMode] = useState<'grid' | 'scan'>(() =>
    globalThis.localStorage?.getItem(modeKey(method)) === 'scan' ? 'scan' : 'grid',
  );
  const choose = (next: 'grid' | 'scan') => {
    setMode(next);
    globalThis.localStorage?.setItem(modeKey(method), next);
  };
  return [mode, choose];
}

export function LinesModeSwitch({
  mode,
  onChange,
}: {
  mode: 'grid' | 'scan';
  onChange: (mode: 'grid' | 'scan') => void;
}) {
  return (
    <div className="lines-mode" role="group" aria-label="明细录入方式">
      <Button
        kind={mode === 'grid' ? 'primary' : 'secondary'}
        aria-pressed={mode === 'grid'}
        onClick={() => onChange('grid')}
      >
        表格录入
      </Button>
      <Button
        kind={mode === 'scan' ? 'primary' : 'secondary'}
        aria-pressed={mode === 'scan'}
        onClick={() => onChange('scan')}
      >
        扫码模式
      </Button>
    </div>
  );
}

/**
 * 扫码 for the active line of a 'per-line' document; shown once a line has 是否开启序列号 = 1, enabled on
 * such lines.
 */
export function LineScanButton({ spec }: { readonly spec: DocumentSpec }) {
  const lines = useDocLines(spec.method);
  const { row } = useActiveCell(spec.method);
  const [open, setOpen] = useState<number | null>(null);
  const keys = perLineFieldsOf(spec);
  if (keys === null) return null;
  const enabled = isSnEnabled(keys, lines[row]);
  // Scanning applies only to lines with 是否开启序列号 = 1: without one, no scan strip at all (issue #16).
  if (!enabled && open === null && !lines.some((line) => isSnEnabled(keys, line))) return null;
  return (
    <>
      <Button
        className="line-scan-button"
        disabled={!enabled}
        title={enabled ? `扫码录入第${row + 1}行的序列号` : '当前行未开启序列号（是否开启序列号 = 1）'}
        onClick={() => setOpen(row)}
      >
        扫码
      </Button>
      {open !== null && <LineScanDialog spec={spec} row={open} onClose={() => setOpen(null)} />}
    </>
  );
}
