/**
 * 提交记录: every submission, filterable, with its request and response, live as submissions happen.
 * '/' jumps to the search box; Escape closes the detail and returns to the list.
 */
import { useEffect, useRef } from 'react';
import { bridge } from '../../stores/bridge';
import { saveBytesAs } from '../../ui/download';
import type { CopyAsNewHandler } from './LogDetail';
import { LogDetail } from './LogDetail';
import { LogFilterBar } from './LogFilterBar';
import { LogList } from './LogList';
import { LogReconcileButton } from './LogReconcileButton';
import {
  applyJournalChange,
  applyLogFilters,
  closeLogDetail,
  exportLog,
  useLogDetail,
  useLogExport,
  useLogList,
} from './logStore';
import './log.css';

interface LogScreenProps {
  /**
   * "复制为新单据": the method and the positional argument array that was sent (the parsed body). The shell
   * opens that document's screen with a new draft built from it; nothing is sent.
   */
  readonly onCopyAsNew?: CopyAsNewHandler;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function LogScreen({ onCopyAsNew }: LogScreenProps) {
  const textRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const { total, loading, error, rows, skippedLines } = useLogList();
  const detailOpen = useLogDetail() !== null;
  const { exporting, notice } = useLogExport();

  // Fresh rows each time the screen is shown (filters are kept), and live changes while it is.
  useEffect(() => {
    void applyLogFilters();
    return bridge().events.journalChanged((change) => void applyJournalChange(change));
  }, []);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key === '/' && !isEditable(event.target)) {
        event.preventDefault();
        textRef.current?.focus();
        textRef.current?.select();
      } else if (event.key === 'Escape' && detailOpen) {
        event.preventDefault();
        closeLogDetail();
        listRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [detailOpen]);

  const onExport = async (): Promise<void> => {
    const file = await exportLog();
    if (file !== null) saveBytesAs(file.fileName, file.bytes);
  };

  return (
    <section className="log-screen" aria-labelledby="log-heading">
      <header className="log-header">
        <h1 id="log-heading">提交记录</h1>
        <span className="log-total" aria-live="polite">
          {loading === 'first' ? '正在查询…' : `共 ${total} 条`}
          {rows.length < total && loading !== 'first' ? `，已加载 ${rows.length} 条` : ''}
        </span>
        <span className="log-notice" role="status">
          {notice}
        </span>
        <LogReconcileButton />
        <button type="button" className="log-export" disabled={exporting} onClick={() => void onExport()}>
          {exporting ? '正在导出…' : '导出'}
        </button>
      </header>
      <LogFilterBar textRef={textRef} />
      {skippedLines > 0 && (
        <p className="log-error" role="status">
          日志文件中有 {skippedLines} 行已损坏，已跳过；重复提交保护仍以其余记录为准。
        </p>
      )}
      {error !== null && (
        <p className="log-error" role="alert">
          {error}
        </p>
      )}
      <div className={detailOpen ? 'log-body log-body-with-detail' : 'log-body'}>
        <LogList listRef={listRef} />
        {detailOpen && (
          <LogDetail
            onCopyAsNew={onCopyAsNew}
            onClose={() => {
              closeLogDetail();
              listRef.current?.focus();
            }}
          />
        )}
      </div>
    </section>
  );
}
