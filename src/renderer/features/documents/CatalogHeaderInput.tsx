/**
 * A header text field with suggestions: 最近使用 (values sent before, useHeaderSuggestions.ts) and, for a
 * field that holds a catalog code (warehouse, supplier, purchaser), the catalog's matches, with under the box,
 * always one line high, the name(s) of what it holds. Enter or Tab takes a highlighted choice; without one
 * Enter keeps the typed text and Tab moves on as usual.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { CatalogKind } from '../../../shared/catalog';
import type { FieldSpec } from '../../../shared/spec';
import { AutocompleteList, optionId } from '../catalog/AutocompleteList';
import { cachedMatch, lookupCodes } from '../catalog/catalogLookup';
import { codesOfValue, isNonPurchaser, NOT_A_PURCHASER } from '../catalog/catalogCodes';
import { useCatalogHasRecords, useCatalogVersion } from '../catalog/catalogState';
import type { HeaderTextBoxProps } from './headerControl';
import { useHeaderSuggestions } from './useHeaderSuggestions';

interface CatalogHeaderInputProps extends HeaderTextBoxProps {
  readonly method: string;
  /** Undefined for a free-text field: recent values only, no catalog, no name line. */
  readonly kind: CatalogKind | undefined;
  readonly offersRecent: boolean;
  readonly field: FieldSpec;
}

const MISSING_WORDS: Readonly<Record<CatalogKind, string>> = {
  spec: '目录中没有这个商家编码',
  warehouse: '目录中没有这个仓库',
  provider: '目录中没有这个供应商',
  purchaser: '目录中没有这个员工',
};

export function CatalogHeaderInput({
  method,
  kind,
  offersRecent,
  field,
  text,
  placeholder,
  onChange,
  common,
}: CatalogHeaderInputProps) {
  const [anchor, setAnchor] = useState<HTMLInputElement | null>(null);
  const autocomplete = useHeaderSuggestions(method, field.key, kind, offersRecent);
  const listId = useId();
  const open = autocomplete.view.open;
  const highlighted = autocomplete.view.highlighted;
  const version = useCatalogVersion();
  const hasRecords = useCatalogHasRecords();

  // Names for what the box holds, asked for after a pause in typing.
  useEffect(() => {
    const codes = kind === undefined ? [] : codesOfValue(field, text);
    if (kind === undefined || codes.length === 0) return;
    const timer = setTimeout(() => void lookupCodes(kind, codes), 200);
    return () => clearTimeout(timer);
  }, [field, kind, text, version]);

  const take = useCallback(
    (taken: string | undefined) => {
      if (taken !== undefined) onChange(taken);
    },
    [onChange],
  );

  let name = '';
  let warn = false;
  const parts: string[] = [];
  for (const code of kind === undefined ? [] : codesOfValue(field, text)) {
    if (kind === undefined) break;
    const match = cachedMatch(kind, code);
    if (match === undefined) continue;
    if (!match.found) {
      if (hasRecords) {
        parts.push(MISSING_WORDS[kind]);
        warn = true;
      }
    } else if (isNonPurchaser(match)) {
      parts.push(`${match.label} · ${NOT_A_PURCHASER}`);
      warn = true;
    } else {
      parts.push(match.note ? `${match.label} · ${match.note}` : match.label);
    }
  }
  name = parts.join('、');

  return (
    <>
      <input
        {...common}
        ref={setAnchor}
        type="text"
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          onChange(event.target.value);
          autocomplete.typed(event.target.value);
        }}
        onKeyDown={(event) => {
          const outcome = autocomplete.onKeyDown(event, event.currentTarget.value);
          if (!outcome.handled) return;
          take(outcome.taken);
          // Tab takes the choice and still moves the focus on, as Tab does.
          if (outcome.thenMove !== true) event.preventDefault();
        }}
        // A click in the empty box offers 最近使用, as a browser's own autofill does; the cursor the screen
        // puts there on opening, or a Tab through the form, pops nothing up over the fields below.
        onClick={(event) => {
          if (!open) autocomplete.offerRecent(event.currentTarget.value);
        }}
        onBlur={autocomplete.close}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && highlighted >= 0 ? optionId(listId, highlighted) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {open && (
        <AutocompleteList
          id={listId}
          anchor={anchor}
          items={autocomplete.view.items.map((item) =>
            item.recent ? { ...item, label: item.label || nameOf(kind, item.value) } : item,
          )}
          highlighted={highlighted}
          label={offersRecent ? '最近使用与目录中的选项' : '目录中的选项'}
          onChoose={(index) => take(autocomplete.choose(index, anchor?.value ?? ''))}
        />
      )}
      {kind !== undefined && (
        <div
          className={`catalog-name${warn ? ' catalog-name-warn' : ''}`}
          data-testid="header-code-name"
          title={name}
        >
          {name}
        </div>
      )}
    </>
  );
}

/** The catalog's name for a recent code, when the name is already known (no request for a suggestion). */
function nameOf(kind: CatalogKind | undefined, value: string): string {
  if (kind === undefined || /[,，]/.test(value)) return '';
  const match = cachedMatch(kind, value);
  return match?.found === true ? match.label : '';
}
