/**
 * The keyboard list under a text box, shared by the grid's catalog autocomplete and the header's suggestions:
 * what is listed and highlighted, ↑/↓ to highlight, Enter or Tab to take, Esc to close (autocompleteKeys.ts),
 * and tickets, so an answer for text typed before the last keystroke (or a close) is dropped.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { autocompleteKeyAction } from './autocompleteKeys';

export interface SuggestionView<T> {
  readonly open: boolean;
  readonly items: readonly T[];
  /** -1 when nothing is highlighted. */
  readonly highlighted: number;
}

export type KeyOutcome =
  | { readonly handled: false }
  | { readonly handled: true; readonly taken?: string; readonly thenMove?: boolean };

interface SuggestionListOptions<T> {
  /** The box's new text when `item` is taken with `text` in the box; undefined takes nothing. */
  readonly valueOf: (item: T, text: string) => string | undefined;
  /** Keys the list has no say in that still close it: a pending answer must not pop up afterwards. */
  readonly closingKeys: readonly string[];
}

export interface SuggestionList<T> {
  readonly view: SuggestionView<T>;
  /** Lists these items with none highlighted; closes the list when there are none. */
  readonly show: (items: readonly T[]) => void;
  /**
   * Starts asking for the box's new text: a new ticket, no pending timer, and no highlight, since Enter
   * right after typing must never take a choice.
   */
  readonly begin: () => number;
  /** Whether an answer asked for under this ticket still belongs on screen. */
  readonly isCurrent: (ticket: number) => boolean;
  /** Runs `ask` after a pause; the next begin or close cancels it. */
  readonly later: (ask: () => void, delayMs: number) => void;
  /**
   * Call first in the box's keydown: `handled` says the key was the list's (the caller stops it), with the
   * text to put in the box when a choice was taken.
   */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>, text: string) => KeyOutcome;
  readonly choose: (index: number, text: string) => string | undefined;
  readonly close: () => void;
}

export function useSuggestionList<T>({ valueOf, closingKeys }: SuggestionListOptions<T>): SuggestionList<T> {
  const [view, setView] = useState<SuggestionView<T>>(closed);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ticket = useRef(0);

  const close = useCallback(() => {
    ticket.current += 1;
    clearTimeout(timer.current);
    setView((current) => (current.open || current.items.length > 0 ? closed() : current));
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const show = useCallback((items: readonly T[]) => {
    setView(items.length > 0 ? { open: true, items, highlighted: -1 } : closed());
  }, []);

  const begin = useCallback(() => {
    ticket.current += 1;
    clearTimeout(timer.current);
    setView((current) => (current.highlighted === -1 ? current : { ...current, highlighted: -1 }));
    return ticket.current;
  }, []);

  const isCurrent = useCallback((mine: number) => mine === ticket.current, []);

  const later = useCallback((ask: () => void, delayMs: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(ask, delayMs);
  }, []);

  const choose = useCallback(
    (index: number, text: string): string | undefined => {
      const item = view.items[index];
      close();
      return item === undefined ? undefined : valueOf(item, text);
    },
    [close, valueOf, view.items],
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
          if (closingKeys.includes(event.key)) close();
          return { handled: false };
      }
    },
    [choose, close, closingKeys, view],
  );

  return { view, show, begin, isCurrent, later, onKeyDown, choose, close };
}

function closed<T>(): SuggestionView<T> {
  return { open: false, items: [], highlighted: -1 };
}
