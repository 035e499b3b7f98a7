/** Short notices in the corner ("已复制", "草稿已清空", a failed save). Errors stay until dismissed. */
import { create } from 'zustand';

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  readonly text: string;
}

interface NoticeState {
  readonly notices: readonly Notice[];
}

const useNoticeStore = create<NoticeState>(() => ({ notices: [] }));
let nextId = 1;
const AUTO_DISMISS_MS = 5000;

export function useNotices(): readonly Notice[] {
  return useNoticeStore((state) => state.notices);
}

export function showNotice(kind: NoticeKind, text: string): number {
  const id = nextId++;
  useNoticeStore.setState((state) => ({ notices: [...state.notices.slice(-4), { id, kind, text }] }));
  if (kind !== 'error') setTimeout(() => dismissNotice(id), AUTO_DISMISS_MS);
  return id;
}

export function dismissNotice(id: number): void {
  useNoticeStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
}

export function getNotices(): readonly Notice[] {
  return useNoticeStore.getState().notices;
}
