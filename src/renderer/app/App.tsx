/**
 * The shell: the active profile bar on top, the screens on the left (Alt+<key> jumps to one), the current
 * screen in the middle. Document screens stay mounted once opened, so switching away and back keeps the
 * grid's scroll position and focus; drafts are flushed when the window loses focus or closes.
 */
import { useCallback, useEffect, useState } from 'react';
import { getSpec } from '../../shared/documents';
import { DocumentScreen } from '../features/documents/DocumentScreen';
import { LogScreen } from '../features/log/LogScreen';
import { ActiveProfileBar } from '../features/settings/ActiveProfileBar';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { flushDrafts } from '../drafts/documentDrafts';
import { startDraftSync } from '../features/documents/documentDraftSync';
import { showStartupNotices } from '../stores/startupNotices';
import { watchReconcileProgress } from '../stores/reconcileStore';
import { watchSubmissionProgress, watchSubmittedEntries } from '../features/documents/submitActions';
import { Notices } from '../ui/Notices';
import '../ui/shell.css';
import '../ui/feedback.css';
import { applyCopy, prepareCopy, type PreparedCopy } from './copyAsNew';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { sameScreen, screens, type ScreenId } from './screens';

function screenKey(id: ScreenId): string {
  return id.kind === 'document' ? `doc:${id.method}` : id.kind;
}

export function App() {
  const [current, setCurrent] = useState<ScreenId>(screens[0]?.id ?? { kind: 'settings' });
  const [opened, setOpened] = useState<readonly string[]>(
    current.kind === 'document' ? [current.method] : [],
  );

  const go = useCallback((id: ScreenId) => {
    setCurrent(id);
    if (id.kind === 'document') setOpened((list) => (list.includes(id.method) ? list : [...list, id.method]));
  }, []);

  useEffect(() => {
    void showStartupNotices();
    const stopSync = startDraftSync();
    const stopProgress = watchSubmissionProgress(
      screens.flatMap((entry) => (entry.id.kind === 'document' ? [entry.id.method] : [])),
    );
    // 核对 runs main starts by itself (after start-up, after an unknown outcome) show their progress too.
    const stopReconcile = watchReconcileProgress();
    const stopEntries = watchSubmittedEntries();
    const flush = () => void flushDrafts();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('blur', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopSync();
      stopProgress();
      stopReconcile();
      stopEntries();
      window.removeEventListener('blur', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.length === 1 ? event.key.toUpperCase() : event.code.replace(/^(Digit|Key)/, '');
      const entry =
        screens.find((candidate) => candidate.accessKey.toUpperCase() === key) ??
        screens.find(
          (candidate) =>
            `Digit${candidate.accessKey}` === event.code || `Key${candidate.accessKey}` === event.code,
        );
      if (!entry) return;
      event.preventDefault();
      go(entry.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go]);

  const [pendingCopy, setPendingCopy] = useState<PreparedCopy | null>(null);
  const finishCopy = useCallback(
    (copy: PreparedCopy) => {
      applyCopy(copy);
      go({ kind: 'document', method: copy.spec.method });
    },
    [go],
  );
  const onCopyAsNew = useCallback(
    (method: string, args: unknown[]) => {
      void prepareCopy(method, args).then((copy) => {
        if (copy === null) return;
        if (copy.replacesWork) setPendingCopy(copy);
        else finishCopy(copy);
      });
    },
    [finishCopy],
  );

  return (
    <div className="app">
      <ActiveProfileBar onOpenSettings={() => go({ kind: 'settings' })} />
      <div className="app-body">
        <nav className="side-nav" aria-label="功能">
          <ul>
            {screens.map((entry) => (
              <li key={screenKey(entry.id)}>
                <a
                  href={`#${screenKey(entry.id)}`}
                  className={`nav-item${sameScreen(entry.id, current) ? ' nav-item-active' : ''}`}
                  aria-current={sameScreen(entry.id, current) ? 'page' : undefined}
                  aria-keyshortcuts={`Alt+${entry.accessKey}`}
                  onClick={(event) => {
                    // Links (not buttons) so "提交记录" never matches a search for the 提交 button.
                    event.preventDefault();
                    go(entry.id);
                  }}
                >
                  <span>{entry.label}</span>
                  <kbd>Alt+{entry.accessKey}</kbd>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="screen">
          {opened.map((method) => {
            const spec = getSpec(method);
            const visible = current.kind === 'document' && current.method === method;
            return spec ? (
              <div key={method} className="screen-slot" hidden={!visible}>
                <DocumentScreen spec={spec} />
              </div>
            ) : null;
          })}
          {current.kind === 'log' && <LogScreen onCopyAsNew={onCopyAsNew} />}
          {current.kind === 'settings' && <SettingsScreen />}
        </main>
      </div>
      <Notices />
      {pendingCopy && (
        <Dialog
          title="替换当前草稿？"
          onClose={() => setPendingCopy(null)}
          actions={
            <>
              <Button onClick={() => setPendingCopy(null)} data-autofocus>
                取消
              </Button>
              <Button
                kind="danger"
                onClick={() => {
                  setPendingCopy(null);
                  finishCopy(pendingCopy);
                }}
              >
                替换
              </Button>
            </>
          }
        >
          <p>"{pendingCopy.spec.title}"中有尚未提交的草稿。复制为新单据会替换它，原草稿无法恢复。</p>
        </Dialog>
      )}
    </div>
  );
}
