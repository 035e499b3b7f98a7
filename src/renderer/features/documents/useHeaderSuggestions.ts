/**
 * Suggestions for one header box: 最近使用 (values this field held in documents the ERP created, newest
 * first) and then, for code fields, the catalog's matches. An empty box shows the recent values when it is
 * clicked or ↓ is pressed (or emptied by typing), since that is when a clerk wants last time's warehouse;
 * typing narrows them at once and asks the catalog after a pause. Nothing is highlighted until ↑/↓, so Enter and Tab keep what was typed
 * (autocompleteKeys.ts).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CatalogKind } from '../../../shared/catalog';
import { catalogLimits } from '../../../shared/catalog';
import { bridge } from '../../stores/bridge';
import { autocompleteKeyAction, typedSegment, withChoice } from '../catalog/autocompleteKeys';
import { SUGGEST_DELAY_MS, SUGGESTIONS_SHOWN, type KeyOutcome } from '../catalog/useCatalogAutocomplete';
import { matchingRecent, recentValuesOf } from './recentValues';

export const RECENT_NOTE = '最近使用';
const RECENT_SHOWN = 5;

export interface HeaderSuggestion {
  readonly value: string;
  readonly label: string;
  readonly note?: string;
  readonly barcode?: string;
  /** A recent value replaces the whole box; a catalog code replaces the segment being typed. */
  readonly recent: boolean;
}

export interface HeaderSuggestionsView {
  readonly open: boolean;
  readonly items: readonly HeaderSuggestion[];
  readonly highlighted: number;
}

const CLOSED: HeaderSuggestionsView = { open: false, items: [], highlighted: -1 };

export interface HeaderSuggestions {
  readonly view: HeaderSuggestionsView;
  readonly offerRecent: (text: string) => void;
  readonly typed: (text: string) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>, text: string) => KeyOutcome;
  readonly choose: (index: number, text: string) => string | undefined;
  readonly close: () => void;
}

function recentItems(values: readonly string[], typed: string): HeaderSuggestion[] {
  return matchingRecent(values, typed)
    .slice(0, RECENT_SHOWN)
    .map((value) => ({ value, label: '', note: RECENT_NOTE, recent: true }));
}

/** Recent values first, then catalog suggestions that are not already listed. */
export function mergeSuggestions(
  recent: readonly HeaderSuggestion[],
  catalog: readonly Omit<HeaderSuggestion, 'recent'>[],
): HeaderSuggestion[] {
  const seen = new Set(recent.map((item) => item.value));
  const merged: HeaderSuggestion[] = [...recent];
  for (const item of catalog) {
    if (merged.length >= SUGGESTIONS_SHOWN) break;
    if (seen.has(item.value)) continue;
    seen.add(item.value);
    merged.push({ ...item, recent: false });
  }
  return merged;
}

export function useHeaderSuggestions(
  method: string,
  field: string,
  kind: CatalogKind | undefined,
  offersRecent: boolean,
): HeaderSuggestions {
  const [view, setView] = useState<HeaderSuggestionsView>(CLOSED);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ticket = useRef(0);

  const close = useCallback(() => {
    ticket.current += 1;
    clearTimeout(timer.current);
    setView((current) => (current.open || current.items.length > 0 ? CLOSED : current));
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const show = useCallback((items: HeaderSuggestion[]) => {
    setView(items.length > 0 ? { open: true, items, highlighted: -1 } : CLOSED);
  }, []);

  const recentFor = useCallback(
    async (text: string): Promise<HeaderSuggestion[]> =>
      offersRecent ? recentItems(await recentValuesOf(method, field), text) : [],
    [field, method, offersRecent],
  );

  const offerRecent = useCallback(
    (text: string) => {
      if (text.trim() !== '' || !offersRecent) return;
      ticket.current += 1;
      const mine = ticket.current;
      void recentFor('').then((items) => {
        if (mine === ticket.current) show(items);
      });
    },
    [offersRecent, recentFor, show],
  );

  const typed = useCallback(
    (text: string) => {
      ticket.current += 1;
      const mine = ticket.current;
      clearTimeout(timer.current);
      setView((current) => (current.highlighted === -1 ? current : { ...current, highlighted: -1 }));
      void recentFor(text).then((recent) => {
        if (mine !== ticket.current) return;
        show(recent);
        const segment = kind === undefined ? '' : typedSegment(kind, text);
        if (kind === undefined || segment === '' || segment.length > catalogLimits.codeMaxLength) return;
        timer.current = setTimeout(() => {
          void bridge()
            .suggestFromCatalog({ kind, text: segment, limit: SUGGESTIONS_SHOWN })
            .then((answer) => {
              if (mine !== ticket.current) return;
              show(mergeSuggestions(recent, answer.ok ? answer.value : []));
            })
            .catch(() => undefined);
        }, SUGGEST_DELAY_MS);
      });
    },
    [kind, recentFor, show],
  );

  const choose = useCallback(
    (index: number, text: string): string | undefined => {
      const item = view.items[index];
      close();
      if (item === undefined) return undefined;
      return item.recent || kind === undefined ? item.value : withChoice(kind, text, item.value);
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
          if (['Enter', 'Tab', 'ArrowUp', 'PageUp', 'PageDown', 'Escape'].includes(event.key)) close();
          // ↓ in a closed empty box opens the recent values, as in a browser's own autocomplete.
          if (event.key === 'ArrowDown' && !view.open && !event.altKey && !event.ctrlKey) {
            if (text.trim() === '') offerRecent(text);
            else typed(text);
          }
          return { handled: false };
      }
    },
    [choose, close, offerRecent, typed, view],
  );

  return { view, offerRecent, typed, onKeyDown, choose, close };
}
