/**
 * Suggestions for one header box: 最近使用 (values this field held in documents the ERP created, newest
 * first) and then, for code fields, the catalog's matches. An empty box shows the recent values when it is
 * clicked or ↓ is pressed (or emptied by typing), since that is when a clerk wants last time's warehouse;
 * typing narrows them at once and asks the catalog after a pause. Nothing is highlighted until ↑/↓, so
 * Enter and Tab keep what was typed; the list's keys are the grid's (useSuggestionList.ts).
 */
import { useCallback, type KeyboardEvent } from 'react';
import type { CatalogKind } from '../../../shared/catalog';
import { catalogLimits } from '../../../shared/catalog';
import { bridge } from '../../stores/bridge';
import { typedSegment, withChoice } from '../catalog/autocompleteKeys';
import { SUGGEST_DELAY_MS, SUGGESTIONS_SHOWN } from '../catalog/useCatalogAutocomplete';
import { useSuggestionList, type KeyOutcome, type SuggestionView } from '../catalog/useSuggestionList';
import { matchingRecent, recentValuesOf } from './recentValues';

export const RECENT_NOTE = '最近使用';
const RECENT_SHOWN = 5;

interface HeaderSuggestion {
  readonly value: string;
  readonly label: string;
  readonly note?: string;
  readonly barcode?: string;
  /** A recent value replaces the whole box; a catalog code replaces the segment being typed. */
  readonly recent: boolean;
}

type HeaderSuggestionsView = SuggestionView<HeaderSuggestion>;

interface HeaderSuggestions {
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

/** The list has no say in these keys; ↓ in a closed box opens it instead (see onKeyDown). */
const CLOSING_KEYS = ['Enter', 'Tab', 'ArrowUp', 'PageUp', 'PageDown', 'Escape'];

export function useHeaderSuggestions(
  method: string,
  field: string,
  kind: CatalogKind | undefined,
  offersRecent: boolean,
): HeaderSuggestions {
  const valueOf = useCallback(
    (item: HeaderSuggestion, text: string) =>
      item.recent || kind === undefined ? item.value : withChoice(kind, text, item.value),
    [kind],
  );
  const list = useSuggestionList({ valueOf, closingKeys: CLOSING_KEYS });
  const { begin, isCurrent, later, show } = list;

  const recentFor = useCallback(
    async (text: string): Promise<HeaderSuggestion[]> =>
      offersRecent ? recentItems(await recentValuesOf(method, field), text) : [],
    [field, method, offersRecent],
  );

  const offerRecent = useCallback(
    (text: string) => {
      if (text.trim() !== '' || !offersRecent) return;
      const mine = begin();
      void recentFor('').then((items) => {
        if (isCurrent(mine)) show(items);
      });
    },
    [begin, isCurrent, offersRecent, recentFor, show],
  );

  const typed = useCallback(
    (text: string) => {
      const mine = begin();
      void recentFor(text).then((recent) => {
        if (!isCurrent(mine)) return;
        show(recent);
        const segment = kind === undefined ? '' : typedSegment(kind, text);
        if (kind === undefined || segment === '' || segment.length > catalogLimits.codeMaxLength) return;
        later(() => {
          void bridge()
            .suggestFromCatalog({ kind, text: segment, limit: SUGGESTIONS_SHOWN })
            .then((answer) => {
              if (isCurrent(mine)) show(mergeSuggestions(recent, answer.ok ? answer.value : []));
            })
            .catch(() => undefined);
        }, SUGGEST_DELAY_MS);
      });
    },
    [begin, isCurrent, kind, later, recentFor, show],
  );

  const listKeyDown = list.onKeyDown;
  const open = list.view.open;
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, text: string): KeyOutcome => {
      const outcome = listKeyDown(event, text);
      // ↓ in a closed box opens the recent values (or the matches), as in a browser's own autocomplete.
      if (!outcome.handled && event.key === 'ArrowDown' && !open && !event.altKey && !event.ctrlKey) {
        if (text.trim() === '') offerRecent(text);
        else typed(text);
      }
      return outcome;
    },
    [listKeyDown, offerRecent, open, typed],
  );

  return { view: list.view, offerRecent, typed, onKeyDown, choose: list.choose, close: list.close };
}
