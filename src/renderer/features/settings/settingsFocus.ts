/**
 * "Put the cursor there" requests for the settings screen from elsewhere (the top bar's 操作人 button): the
 * screen may not be open yet, and its forms appear only once the settings are read, so the request waits
 * until the form that holds the field takes it.
 */
import { useEffect } from 'react';

let pending: string | null = null;
const listeners = new Set<() => void>();

export function requestSettingsFocus(elementId: string): void {
  pending = elementId;
  for (const listener of listeners) listener();
}

/** Focuses `elementId` when it was asked for, now or later, while the calling form is shown. */
export function useSettingsFocusTarget(elementId: string): void {
  useEffect(() => {
    const take = () => {
      if (pending !== elementId) return;
      const element = document.getElementById(elementId);
      if (element === null) return;
      pending = null;
      element.focus();
      element.scrollIntoView({ block: 'center' });
    };
    take();
    listeners.add(take);
    return () => {
      listeners.delete(take);
    };
  }, [elementId]);
}

/** Puts the cursor in a form's first field when it appears (新增配置, 编辑配置). */
export function useFocusOnMount(elementId: string): void {
  useEffect(() => {
    const element = document.getElementById(elementId);
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  }, [elementId]);
}
