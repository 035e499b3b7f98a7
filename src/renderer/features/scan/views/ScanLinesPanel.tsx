/**
 * The scan mode of a "product code + SN list" document (wms.stockout.Base.uploadSN): a spec_no barcode selects
 * or adds its line, the SNs that follow go to that line; or, with an expected list pasted, each SN is looked
 * up there and routed to its line. The scan state is the document's lines (see scanDocLink.ts).
 */
import { memo, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DocumentSpec } from '../../../../shared/spec';
import { Button } from '../../../ui/Button';
import { parseExpectedList } from '../model/expectedList';
import { scanFieldsOf } from '../model/scanFields';
import { PasteSnsDialog } from './PasteSnsDialog';
import { scanLinkFor } from '../persistence/scanDocLink';
import { focusWhenFree, ScanField } from './ScanField';
import { ScanFeedbackView } from './ScanFeedbackView';
import { ScanLineList } from './ScanLineList';
import { isTypedSn, missingExpected, removeLine, selectLine, setExpectedList } from '../model/scanLineEdits';
import { ScanToolbar } from './ScanToolbar';
import { SnList } from './SnList';
import { useScanController, useScanView } from '../controller/useScanController';
import './scan.css';

// Memoized: the document screen re-renders on every change of its lines; the scan view has its own store.
export const ScanLinesPanel = memo(function ScanLinesPanel({ spec }: { readonly spec: DocumentSpec }) {
  const link = scanLinkFor(spec.method);
  const defectKey = scanFieldsOf(spec)?.defect;
  const generation = useSyncExternalStore(link.subscribe, link.getGeneration);
  const areaRef = useRef<HTMLElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const [expectSpec, setExpectSpec] = useState(false);
  const expectSpecRef = useRef(false);
  const [expectedDialog, setExpectedDialog] = useState(false);
  const [, setFieldsVersion] = useState(0);

  const controller = useScanController(
    {
      ready: () => link.restore(),
      initial: () => link.current(),
      commit: (state) => {
        // A spec_no scan that added a line used up "扫商家编码新增行".
        if (expectSpecRef.current && state.lines.length > link.current().lines.length) {
          expectSpecRef.current = false;
          setExpectSpec(false);
        }
        link.commit(state);
      },
      context: () => ({
        expectingSpecNo: expectSpecRef.current || link.current().lines.length === 0,
        canAddLines: true,
      }),
    },
    generation,
  );
  const view = useScanView(controller);
  const hasExpected = (view?.state.expected ?? null) !== null;

  const toggleExpectSpec = () => {
    expectSpecRef.current = !expectSpecRef.current;
    setExpectSpec(expectSpecRef.current);
    focusWhenFree(fieldRef.current);
  };
  // Made once per change of what they show, so the toolbar (memoized) is not re-rendered by every scan.
  const extraActions = useMemo(
    () =>
      controller === null ? null : (
        <>
          <Button
            kind={expectSpec ? 'primary' : 'secondary'}
            aria-pressed={expectSpec}
            title="下一次扫描作为商家编码，新增（或切换到）该商品行"
            onClick={toggleExpectSpec}
          >
            扫商家编码新增行
          </Button>
          <Button onClick={() => setExpectedDialog(true)}>预期SN清单</Button>
          {hasExpected && (
            <Button
              onClick={() =>
                void controller.edit([], (s) => ({
                  state: setExpectedList(s, null),
                  tone: 'none',
                  message: '已取消预期清单',
                }))
              }
            >
              取消预期清单
            </Button>
          )}
        </>
      ),
    [controller, expectSpec, hasExpected],
  );

  if (controller === null || view === null) return <p className="muted">正在准备扫码…</p>;
  const state = view.state;
  const active = state.activeLine === null ? undefined : state.lines[state.activeLine];
  // A duplicate shows the line that already holds the SN, with the entry highlighted.
  const hit = view.feedback?.result;
  const shownIndex = hit?.kind === 'duplicate-in-document' ? hit.line : state.activeLine;
  const shown = shownIndex === null ? undefined : state.lines[shownIndex];
  const missing = state.expected === null ? 0 : missingExpected(state).length;

  return (
    <section className="scan-panel" ref={areaRef} aria-label="扫码录入">
      <ScanFeedbackView
        view={view}
        onAnswer={(as) => {
          controller.answer(as);
          fieldRef.current?.focus();
        }}
        progress={
          active && state.activeLine !== null
            ? {
                count: active.count,
                required: active.required,
                label: `第${state.activeLine + 1}行 ${active.specNo}`,
              }
            : null
        }
      />
      <ScanField controller={controller} areaRef={areaRef} fieldRef={fieldRef} />
      <ScanToolbar spec={spec} controller={controller} fieldRef={fieldRef}>
        {extraActions}
      </ScanToolbar>
      {state.expected !== null && (
        <p className="scan-expected-note">
          预期清单模式：共 {state.expected.length} 个，尚缺 {missing} 个；不在清单中的 SN 会被拒绝。
        </p>
      )}
      <div className="scan-body">
        <ScanLineList
          state={state}
          fieldsOf={(line) => link.fieldsOf(line)}
          defectKey={defectKey}
          onSelect={(line) =>
            void controller.edit([], (s) => ({ state: selectLine(s, line), tone: 'none', message: '' }))
          }
          onRemove={(line) =>
            void controller.edit([], (s) => {
              link.dropFields(line);
              return { state: removeLine(s, line), tone: 'none', message: `已删除第${line + 1}行` };
            })
          }
          onDefect={(line, defect) => {
            if (defectKey === undefined) return;
            link.setField(line, defectKey, defect ? true : '');
            setFieldsVersion((version) => version + 1);
          }}
        />
        {shown && shownIndex !== null && (
          <SnList
            line={shown}
            lineIndex={shownIndex}
            highlight={view.highlight}
            seq={view.feedback?.seq ?? 0}
            isTyped={(sn) => isTypedSn(state, sn)}
            onDelete={(sn) => void controller.deleteSn(sn)}
          />
        )}
      </div>
      {expectedDialog && (
        <PasteSnsDialog
          title="预期SN清单"
          hint="每行一个 SN；可在 SN 后用 Tab 或逗号跟商家编码（从 Excel 复制两列），扫到的 SN 会自动归到该商品行"
          onClose={() => {
            setExpectedDialog(false);
            focusWhenFree(fieldRef.current);
          }}
          onApply={(text) => {
            setExpectedDialog(false);
            focusWhenFree(fieldRef.current);
            const parsed = parseExpectedList(text, controller.settings);
            const skipped = parsed.duplicates.length + parsed.invalid.length;
            // Asking about every listed SN now makes each later scan a cache hit.
            void controller.edit(
              parsed.entries.map((entry) => entry.sn),
              (s) => ({
                state: setExpectedList(s, parsed.entries),
                tone: skipped > 0 ? 'error' : 'success',
                message: `预期清单：${parsed.entries.length} 个${skipped > 0 ? `，跳过重复 ${parsed.duplicates.length} 个、无效 ${parsed.invalid.length} 个` : ''}`,
              }),
            );
          }}
        />
      )}
    </section>
  );
});
