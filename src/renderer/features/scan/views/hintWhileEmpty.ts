/**
 * The scan field's placeholder, held only while the field is empty. Chromium restyles a text field that has
 * a placeholder on every change of its value (seen in traces of the scan view: one element restyled per
 * character, none once the field had no placeholder): a style pass between keys 2 ms apart. Without the
 * attribute while there is text, a scan pays that twice (its first character, and the field emptied after
 * Enter) instead of once per character.
 */
export interface FieldHint {
  /** Call after the page itself changes the field's value (typing is seen through its input event). */
  readonly sync: () => void;
  readonly stop: () => void;
}

export function hintWhileEmpty(field: HTMLInputElement, hint: string): FieldHint {
  const sync = () => {
    const wanted = field.value === '' ? hint : '';
    if (field.placeholder === wanted) return;
    if (wanted === '') field.removeAttribute('placeholder');
    else field.placeholder = wanted;
  };
  field.addEventListener('input', sync);
  sync();
  return { sync, stop: () => field.removeEventListener('input', sync) };
}
