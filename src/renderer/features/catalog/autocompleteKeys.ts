/**
 * What a key does while an autocomplete list may be open, as a pure decision so it is tested without a
 * browser. Nothing is highlighted until ↑/↓ is pressed, and typing clears the highlight: so a scanner's burst
 * ending in Enter (or Tab) never takes a suggestion, and Enter without a highlighted choice does what it did
 * before (the grid moves down, the form keeps the text).
 */
import type { CatalogKind } from '../../../shared/catalog';

interface AutocompleteKeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

type AutocompleteKeyAction =
  | { readonly kind: 'highlight'; readonly index: number }
  /** Take the highlighted choice; `thenMove` lets the key go on to do its usual move (Tab). */
  | { readonly kind: 'take'; readonly index: number; readonly thenMove: boolean }
  | { readonly kind: 'close' }
  /** Not the list's business: the key does what it did before (and the caller closes the list). */
  | { readonly kind: 'pass' };

const PASS: AutocompleteKeyAction = { kind: 'pass' };

export function autocompleteKeyAction(
  input: AutocompleteKeyInput,
  open: boolean,
  count: number,
  highlighted: number,
): AutocompleteKeyAction {
  if (!open || count === 0) return PASS;
  if (input.altKey || input.ctrlKey || input.metaKey) return PASS;
  switch (input.key) {
    case 'ArrowDown':
      return { kind: 'highlight', index: highlighted >= count - 1 ? -1 : highlighted + 1 };
    case 'ArrowUp':
      return { kind: 'highlight', index: highlighted < 0 ? count - 1 : highlighted - 1 };
    case 'Enter':
      return highlighted >= 0 && !input.shiftKey
        ? { kind: 'take', index: highlighted, thenMove: false }
        : PASS;
    case 'Tab':
      return highlighted >= 0 && !input.shiftKey
        ? { kind: 'take', index: highlighted, thenMove: true }
        : PASS;
    case 'Escape':
      return { kind: 'close' };
    default:
      return PASS;
  }
}

/** The part of the text the suggestions are for: after the last comma in a warehouse list, else all of it. */
export function typedSegment(kind: CatalogKind, text: string): string {
  if (kind !== 'warehouse') return text.trim();
  const parts = text.split(/[,，]/);
  return (parts[parts.length - 1] ?? '').trim();
}

/** The field's text once a choice is taken: the choice replaces the segment being typed. */
export function withChoice(kind: CatalogKind, text: string, value: string): string {
  if (kind !== 'warehouse') return value;
  const cut = Math.max(text.lastIndexOf(','), text.lastIndexOf('，'));
  return cut < 0 ? value : `${text.slice(0, cut + 1)}${value}`;
}
