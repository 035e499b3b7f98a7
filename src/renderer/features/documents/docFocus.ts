/**
 * Keyboard-first moves on the document screen: the first header field on opening, F6 between header and
 * grid, Ctrl+Enter to submit from anywhere on the screen (not from inside a dialog, which has its own keys).
 */
import type { DocumentSpec } from '../../../shared/spec';
import { getDoc, requestFocus } from './documentStore';
import { headerControlId } from './fieldText';

const FOCUSABLE = 'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/** Puts the cursor in the document's first header field; returns whether there was one to focus. */
export function focusFirstHeaderField(root: HTMLElement, spec: DocumentSpec): boolean {
  const first = [...spec.header, ...spec.positional][0];
  const byId = first ? document.getElementById(headerControlId(spec.method, first.key)) : null;
  const target =
    byId !== null && root.contains(byId) && byId.matches(FOCUSABLE)
      ? byId
      : root.querySelector<HTMLElement>(`.header-form ${FOCUSABLE.split(', ').join(', .header-form ')}`);
  if (!(target instanceof HTMLElement)) return false;
  target.focus();
  if (target instanceof HTMLInputElement && target.type !== 'checkbox') target.select();
  return true;
}

/** Moves the cursor to the grid's active cell. */
export function focusGrid(spec: DocumentSpec): void {
  const active = getDoc(spec.method)?.activeCell ?? { row: 0, col: 0 };
  requestFocus(spec.method, { area: 'lines', row: active.row, field: spec.lines[active.col]?.key });
}

type ScreenKey = 'submit' | 'toggleArea' | undefined;

/** Which screen-wide shortcut a key press is, if any. */
export function screenKey(event: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}): ScreenKey {
  if (event.altKey) return undefined;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.shiftKey) return 'submit';
  if (event.key === 'F6' && !event.ctrlKey && !event.metaKey) return 'toggleArea';
  return undefined;
}
