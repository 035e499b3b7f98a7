/** Short notices in the corner ("已复制", "草稿已清空", a failed save). Errors stay until dismissed. */
import { create } from 'zustand';

type NoticeKind = 'info' | 'success' | 'warning' | 'error';

/** A button on a notice, e.g. 撤销 after a paste that looks wrong. */
interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  readonly text: string;
  readonly action?: NoticeAction;
}

interface NoticeState {
  readonly notices: readonly Notice[];
}

const useNoticeStore = create<NoticeState>(() => ({ notices: [] }));
let nextId = 1;
const AUTO_DISMISS_MS = 5000;
/** A notice with a button stays long enough to read it and decide. */
const ACTION_DISMISS_MS = 15000;

export function useNotices(): readonly Notice[] {
  return useNoticeStore((state) => state.notices);
}

export function showNotice(kind: NoticeKind, text: string, action?: NoticeAction): number {
  const id = nextId++;
  const notice: Notice = action === undefined ? { id, kind, text } : { id, kind, text, action };
  useNoticeStore.setState((state) => ({ notices: [...state.notices.slice(-4), notice] }));
  if (kind !== 'error')
    setTimeout(() => dismissNotice(id), action === undefined ? AUTO_DISMISS_MS : ACTION_DISMISS_MS);
  return id;
}

export function dismissNotice(id: number): void {
  useNoticeStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
}

export function getNotices(): readonly Notice[] {
  return useNoticeStore.getState().notices;
}
