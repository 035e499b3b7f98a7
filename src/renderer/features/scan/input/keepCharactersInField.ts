/**
 * A scanner's characters are the scan field's alone: stopped at the field, they never bubble on to React's
 * root listener. That listener runs its event plugins for every key, keypress, input and selectionchange
 * event that reaches it (a synthetic event each, the change tracking of inputs, the select and beforeinput
 * polyfills): about 1 ms of the 6-7 ms of script a scan of 10 characters cost the page, all of it on the
 * main thread between keys 2 ms apart. Nothing outside the field wants a scanner's characters; keys
 * with Ctrl, Alt or Meta (the app's shortcuts) and named keys (Enter, Tab, F2, Escape) still bubble.
 */
import { isCharacterKey } from './scanKeyRouter';

const FENCED = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'selectionchange'];

/** Stops the field's character events at the field. Returns the function that lets them through again. */
export function keepCharactersInField(field: HTMLInputElement): () => void {
  const stop = (event: Event) => {
    if (event instanceof KeyboardEvent && !isCharacterKey(event)) return;
    event.stopPropagation();
  };
  for (const type of FENCED) field.addEventListener(type, stop);
  return () => {
    for (const type of FENCED) field.removeEventListener(type, stop);
  };
}
