/**
 * Autocomplete from the catalog for one text box. It is driven by what the user types (`typed`), never by
 * the value alone, so moving onto a filled cell opens nothing. Suggestions are asked for after a pause in
 * typing: a scanner's burst (a few ms per character, then Enter) is over before the first request.
 */
import { useCallback } from 'react';
import { bridge } from '../../stores/bridge';
import type { CatalogKind, CatalogSuggestion } from '../../../shared/catalog';
import { catalogLimits } from '../../../shared/catalog';
import { typedSegment, withChoice } from './autocompleteKeys';
import { useSuggestionList, type SuggestionList } from './useSuggestionList';

/** Long enough that a scanner's burst never triggers a request, short enough to feel immediate. */
export const SUGGEST_DELAY_MS = 160;
export const SUGGESTIONS_SHOWN = 8;

interface CatalogAutocomplete extends Omit<
  SuggestionList<CatalogSuggestion>,
  'show' | 'begin' | 'isCurrent' | 'later'
> {
  /** Call with the box's new text after each keystroke or paste. */
  readonly typed: (text: string) => void;
}

/** Enter, Tab, moves: the list has no say; a pending request must not pop up afterwards. */
const CLOSING_KEYS = ['Enter', 'Tab', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Escape'];

export function useCatalogAutocomplete(kind: CatalogKind | undefined): CatalogAutocomplete {
  const valueOf = useCallback(
    (item: CatalogSuggestion, text: string) =>
      kind === undefined ? undefined : withChoice(kind, text, item.value),
    [kind],
  );
  const list = useSuggestionList({ valueOf, closingKeys: CLOSING_KEYS });
  const { begin, isCurrent, later, show } = list;

  const typed = useCallback(
    (text: string) => {
      if (kind === undefined) return;
      const mine = begin();
      const segment = typedSegment(kind, text);
      if (segment === '' || segment.length > catalogLimits.codeMaxLength) {
        show([]);
        return;
      }
      later(() => {
        void bridge()
          .suggestFromCatalog({ kind, text: segment, limit: SUGGESTIONS_SHOWN })
          .then((answer) => {
            if (isCurrent(mine)) show(answer.ok ? answer.value.slice(0, SUGGESTIONS_SHOWN) : []);
          })
          .catch(() => {
            if (isCurrent(mine)) show([]);
          });
      }, SUGGEST_DELAY_MS);
    },
    [begin, isCurrent, kind, later, show],
  );

  return { view: list.view, typed, onKeyDown: list.onKeyDown, choose: list.choose, close: list.close };
}
