/**
 * Autocomplete from the catalog for one text box. It is driven by what the user types (`typed`), never by
 * the value alone, so moving onto a filled cell opens nothing. Suggestions are asked for after a pause in
 * typing: a scanner's burst (a few ms per character, then Enter) is over before the first request.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { bridge } from '../../stores/bridge';
import type { CatalogKind, CatalogSuggestion } from '../../../shared/catalog';
import { catalogLimits } from '../../../shared/catalog';
import { autocompleteKeyAction, typedSegment, withChoice } from './autocompleteKeys';

/** Long enough that a scanner's burst never triggers a request, short enough to feel immediate. */
export const SUGGEST_DELAY_MS = 160;
export const SUGGESTIONS_SHOWN = 8;

export interface AutocompleteView {
  readonly open: boolean;
  readonly items: readonly CatalogSuggestion[];
  /** -1 when nothing is highlighted. */
  readonly highlighted: number;
}

const CLOSED: AutocompleteView = { open: false, items: [], highlighted: -1 };

export interface CatalogAutocomplete {
  readonly view: AutocompleteView;
  /** Call with the box's new text after each keystroke or paste. */
  readonly typed: (text: string) => void;
  /**
   * Call first in the box's keydown. Returns the text to put in the box when a choice was taken, `true`
   * when the key was the list's (the caller must stop it), or `false` when the key does its usual job.
   */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>, text: string) => KeyOutcome;
  readonly choose: (index: number, text: string) => string | undefined;
  readonly close: () => void;
}

export type KeyOutcome =
  | { readonly handled: false }
  | { readonly handled: true; readonly taken?: string; readonly thenMove?: boolean };

export function useCatalogAutocomplete(kind: CatalogKind | undefined): CatalogAutocomplete {
  const [view, setView] = useState<AutocompleteView>(CLOSED);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Every typed text or close gets a new ticket; an answer for an older ticket is dropped.
  const ticket = useRef(0);

  const close = useCallback(() => {
    ticket.current += 1;
    clearTimeout(timer.current);
    setView((current) => (current.open || current.items.length > 0 ? CLOSED : current));
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const typed = useCallback(
    (text: string) => {
      if (kind === undefined) return;
      ticket.current += 1;
      const mine = ticket.current;
      clearTimeout(timer.current);
      // Typing clears the highlight at once: Enter right after typing must never take a choice.
      setView((current) => (current.highlighted === -1 ? current : { ...current, highlighted: -1 }));
      const segment = typedSegment(kind, text);
      if (segment === '' || segment.length > catalogLimits.codeMaxLength) {
        setView(CLOSED);
        return;
      }
      timer.current = setTimeout(() => {
        void bridge()
          .suggestFromCatalog({ kind, text: segment, limit: SUGGESTIONS_SHOWN })
          .then((answer) => {
            if (mine !== ticket.current) return;
            const items = answer.ok ? answer.value.slice(0, SUGGESTIONS_SHOWN) : [];
            setView({ open: items.length > 0, items, highlighted: -1 });
          })
          .catch(() => {
            if (mine === ticket.current) setView(CLOSED);
          });
      }, SUGGEST_DELAY_MS);
    },
    [kind],
  );

  const choose = useCallback(
    (index: number, text: string): string | undefined => {
      const item = view.items[index];
      close();
      return item === undefined || kind === undefined ? undefined : withChoice(kind, text, item.value);
    },
    [close, kind, view.items],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, text: string): KeyOutcome => {
      const action = autocompleteKeyAction(event, view.open, view.items.length, view.highlighted);
      switch (action.kind) {
        case 'highlight':
          setView({ ...view, highlighted: action.index });
          return { handled: true };
        case 'take':
          return { handled: true, taken: choose(action.index, text), thenMove: action.thenMove };
        case 'close':
          close();
          return { handled: true };
        case 'pass':
          // Enter, Tab, moves: the list has no say; a pending request must not pop up afterwards.
          if (['Enter', 'Tab', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Escape'].includes(event.key))
            close();
          return { handled: false };
      }
    },
    [choose, close, view],
  );

  return { view, typed, onKeyDown, choose, close };
}
