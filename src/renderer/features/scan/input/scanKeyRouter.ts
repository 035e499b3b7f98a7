/**
 * Scanner keys that arrive outside the scan field. A scanner types wherever the focus happens to be: on a
 * toolbar button just clicked, on the page, on a dialog's button. Without this, the first characters of a
 * scan that began before the focus came back were lost and the stump ("QT107" for "DFAQT107") looked like a
 * valid code. While a scan view is open, one capture-phase listener on the window takes every character
 * key (and a suffix key that ends a code already begun) that is not aimed at a text field, stops it before
 * the focused element sees it, and feeds it to the scan field of the view; the field then takes the focus,
 * so the rest of the burst goes there directly.
 *
 * It also reports evidence of keys the scan could not see: a key released that was never pressed here (the
 * press went to another window), a character typed into another text field, the window getting the focus.
 * The classifier uses it to refuse a scan whose beginning it missed.
 */

/** One scan field, as the router needs it. */
export interface ScanKeyTarget {
  readonly field: HTMLInputElement;
  /** Ends a code (the classifier's terminator test). */
  readonly isSuffix: (event: KeyboardEvent) => boolean;
  /** A key routed here: feed it to the scan as if it had been typed into the field. */
  readonly takeKey: (event: KeyboardEvent) => void;
  /** A key of a possible burst went elsewhere, at this event time. */
  readonly missed: (timeStamp: number) => void;
}

const targets: ScanKeyTarget[] = [];
/** KeyboardEvent.code of every key pressed here and not yet released. */
const keysDown = new Set<string>();

const TEXT_INPUT_TYPES = new Set([
  '',
  'text',
  'search',
  'tel',
  'url',
  'email',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** A field where characters are typed: keys aimed at it are the person's, not ours to take. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** A dialog is open above the field (one that does not hold the field itself). */
export function modalAbove(field: HTMLElement | null): boolean {
  for (const modal of document.querySelectorAll('dialog[open], [aria-modal="true"]')) {
    if (field === null || !modal.contains(field)) return true;
  }
  return false;
}

export function isCharacterKey(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey;
}

/** The scan field that keys go to: the newest one on screen (a scan dialog above a scan view wins). */
function activeTarget(): ScanKeyTarget | null {
  for (let i = targets.length - 1; i >= 0; i--) {
    const target = targets[i];
    if (target !== undefined && target.field.isConnected && target.field.offsetParent !== null) return target;
  }
  return null;
}

function onKeyDown(event: KeyboardEvent): void {
  keysDown.add(event.code);
  // Nearly every scanner key is aimed at the newest scan field, which then is the active one (it has the
  // focus, so it is on screen); finding the active one otherwise reads layout, on every key.
  if (targets.length > 0 && targets[targets.length - 1]?.field === event.target) return;
  const target = activeTarget();
  if (target === null || event.target === target.field || event.isComposing) return;
  if (isTextField(event.target)) {
    if (isCharacterKey(event)) target.missed(event.timeStamp);
    return;
  }
  const begun = target.field.value !== '';
  // A space on a button is a person pressing it, unless a code is under way; so is a lone Enter or Tab.
  const take = isCharacterKey(event) ? begun || event.key !== ' ' : begun && target.isSuffix(event);
  if (!take) return;
  event.preventDefault();
  event.stopPropagation();
  if (!modalAbove(target.field)) target.field.focus();
  target.takeKey(event);
}

function onKeyUp(event: KeyboardEvent): void {
  const seen = keysDown.delete(event.code);
  if (seen || !isCharacterKey(event)) return;
  activeTarget()?.missed(event.timeStamp);
}

function onWindowFocus(event: FocusEvent): void {
  // Keys typed before this moment went to another window.
  if (event.target === window) activeTarget()?.missed(event.timeStamp);
}

function onWindowBlur(): void {
  // Keys released in another window are never seen here; forget them so they cannot look pressed forever.
  keysDown.clear();
}

/** Route keys to this field while it is on screen. Returns the function that stops it. */
export function routeScanKeys(target: ScanKeyTarget): () => void {
  if (targets.length === 0) {
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('focus', onWindowFocus);
    window.addEventListener('blur', onWindowBlur);
  }
  targets.push(target);
  return () => {
    const at = targets.indexOf(target);
    if (at >= 0) targets.splice(at, 1);
    if (targets.length > 0) return;
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('keyup', onKeyUp, true);
    window.removeEventListener('focus', onWindowFocus);
    window.removeEventListener('blur', onWindowBlur);
    keysDown.clear();
  };
}
