/**
 * The scan panel for one line of a document with per-line quantities (外仓调整出库单): scan SNs until the
 * count equals the line's 数量, or let the count set 数量. Every SN taken is written into the line's SN list
 * and the draft is saved at once.
 */
import { useMemo, useRef, useState } from 'react';
import type { DocumentSpec } from '../../../../shared/spec';
import { getDoc, setLines, useDocLines } from '../../documents/documentStore';
import { flushDrafts } from '../../../drafts/documentDrafts';
import { showNotice } from '../../../stores/noticeStore';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { editText } from '../../documents/fieldText';
import { focusWhenFree, ScanField } from './ScanField';
import { ScanFeedbackView } from './ScanFeedbackView';
import { lineScanSetup, linesWithScans, numOf, snRows, withRequired } from '../model/outerOutLineScan';
import { requirePerLineFields } from '../model/scanFields';
import { isTypedSn } from '../model/scanLineEdits';
import { ScanToolbar } from './ScanToolbar';
import { SnList } from './SnList';
import { useScanController, useScanView } from '../controller/useScanController';
import './scan.css';

export interface LineScanDialogProps {
  readonly spec: DocumentSpec;
  readonly row: number;
  readonly onClose: () => void;
}

export function LineScanDialog({ spec, row, onClose }: LineScanDialogProps) {
  const method = spec.method;
  const keys = requirePerLineFields(spec);
  const areaRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const start = getDoc(method)?.lines[row];
  const [countSetsNum, setCountSetsNum] = useState(() => numOf(keys, start) === null);
  const countSetsNumRef = useRef(countSetsNum);

  const controller = useScanController(
    {
      initial: () => {
        const setup = lineScanSetup(keys, getDoc(method)?.lines ?? [], row, countSetsNumRef.current);
        if (setup.duplicates > 0)
          showNotice('warning', `序列号中有 ${setup.duplicates} 个重复，已只保留一个`);
        return setup.state;
      },
      commit: (state) => {
        const lines = getDoc(method)?.lines ?? [];
        setLines(method, linesWithScans(keys, lines, state, snRows(keys, lines), countSetsNumRef.current));
        // No debounce for scans: the draft is on disk before the next scan arrives.
        void flushDrafts();
      },
      // The dialog scans only the SN rows; its messages name the grid's row, as its title does.
      context: () => ({
        lineNumber: (line) => (snRows(keys, getDoc(method)?.lines ?? [])[line] ?? line) + 1,
      }),
    },
    row,
  );
  const view = useScanView(controller);
  const lines = useDocLines(method);
  const rows = useMemo(() => snRows(keys, lines), [keys, lines]);

  const toggle = (on: boolean) => {
    countSetsNumRef.current = on;
    setCountSetsNum(on);
    void controller?.edit([], (state) => ({
      state: withRequired(
        keys,
        state,
        snRows(keys, getDoc(method)?.lines ?? []),
        getDoc(method)?.lines ?? [],
        on,
      ),
      tone: 'none',
      message: on ? '数量将随扫码个数变化' : '扫满数量后不再接受更多 SN',
    }));
    focusWhenFree(fieldRef.current);
  };

  const state = view?.state;
  const activeIndex = state?.activeLine ?? null;
  const active = activeIndex === null ? undefined : state?.lines[activeIndex];
  const docRow = activeIndex === null ? row : (rows[activeIndex] ?? row);
  return (
    <Dialog
      title={`扫码录入序列号（第${docRow + 1}行 ${editText(lines[docRow]?.[keys.product])}）`}
      onClose={onClose}
      wide
      actions={
        <Button kind="primary" onClick={onClose}>
          完成
        </Button>
      }
    >
      <div ref={areaRef} className="scan-panel scan-panel-dialog">
        {controller === null || view === null || state === undefined ? (
          <p className="muted">正在准备扫码…</p>
        ) : (
          <>
            <ScanFeedbackView
              view={view}
              progress={
                active
                  ? { count: active.count, required: active.required, label: `数量 ${active.specNo}` }
                  : null
              }
            />
            <ScanField
              controller={controller}
              areaRef={areaRef}
              fieldRef={fieldRef}
              placeholder="请扫描 SN（扫商品条码可切换到该商品的行）"
            />
            <ScanToolbar
              spec={spec}
              controller={controller}
              fieldRef={fieldRef}
              {...(activeIndex !== null ? { line: activeIndex } : {})}
            >
              <label className="scan-toggle">
                <input
                  type="checkbox"
                  checked={countSetsNum}
                  onChange={(event) => toggle(event.target.checked)}
                />
                数量随扫码个数变化
              </label>
            </ScanToolbar>
            {active && activeIndex !== null ? (
              <SnList
                line={active}
                lineIndex={docRow}
                highlight={view.highlight}
                seq={view.feedback?.seq ?? 0}
                isTyped={(sn) => isTypedSn(state, sn)}
                onDelete={(sn) => void controller.deleteSn(sn)}
              />
            ) : (
              <p className="muted">这一行没有开启序列号（是否开启序列号 = 1）。</p>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
