/**
 * The grid's one live text box, at the active cell. It always holds the focus while the grid does, so a
 * scanner, an IME and plain typing all land in it: typing replaces the selected value (Excel's "enter"
 * mode), F2 or a double click edits in place. SN lists open their editor instead of editing inline.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FieldSpec, RawValue } from '../../../shared/spec';
import { AutocompleteList, optionId } from '../catalog/AutocompleteList';
import { useCatalogAutocomplete } from '../catalog/useCatalogAutocomplete';
import { displayText, editText, formatHint, suggestionsFor } from './fieldText';

export interface ActiveCellProps {
  readonly field: FieldSpec;
  readonly value: RawValue;
  readonly row: number;
  readonly editing: boolean;
  /** Changes whenever the grid wants this cell to take the focus (a move, a click, a problem click). */
  readonly focusToken: number;
  readonly listId: string | undefined;
  readonly onInput: (text: string) => void;
  readonly onOpenSnEditor: (initialText?: string) => void;
}

export function ActiveCell({
  field,
  value,
  row,
  editing,
  focusToken,
  listId,
  onInput,
  onOpenSnEditor,
}: ActiveCellProps) {
  const ref = useRef<HTMLInputElement | null>(null);
  const isSn = field.type.kind === 'snList';
  // The box is also the list's anchor, which must be state (read while rendering), not only a ref.
  const [anchor, setAnchor] = useState<HTMLInputElement | null>(null);
  const setRef = useCallback((element: HTMLInputElement | null) => {
    ref.current = element;
    setAnchor(element);
  }, []);
  const autocomplete = useCatalogAutocomplete(field.catalog);
  const listBoxId = useId();

  useEffect(() => {
    const input = ref.current;
    if (!input || focusToken === 0) return;
    input.focus({ preventScroll: true });
    input.select();
    // The virtualizer brings the row into view; this brings the column (Tab into a column off to the right).
    input.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [focusToken]);

  useEffect(() => {
    // Entering edit mode with F2 puts the caret at the end instead of selecting everything.
    const input = ref.current;
    if (editing && input && document.activeElement === input && input.selectionStart === 0) {
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }, [editing]);

  const label = `${field.label} 第${row + 1}行`;
  if (isSn) {
    return (
      <input
        ref={setRef}
        className="grid-input grid-input-sn"
        aria-label={label}
        title="按 F2、空格或双击编辑序列号"
        readOnly
        value={displayText(field, value)}
        onKeyDown={(event) => {
          if (event.key === 'F2' || event.key === ' ') {
            event.preventDefault();
            onOpenSnEditor();
          } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            onOpenSnEditor(event.key);
          }
        }}
      />
    );
  }
  const open = autocomplete.view.open;
  const highlighted = autocomplete.view.highlighted;
  return (
    <>
      <input
        ref={setRef}
        className={`grid-input${editing ? ' grid-input-editing' : ''}`}
        aria-label={label}
        title={field.help}
        placeholder={formatHint(field)}
        list={suggestionsFor(field).length > 0 ? listId : undefined}
        value={editText(value)}
        onChange={(event) => {
          onInput(event.target.value);
          autocomplete.typed(event.target.value);
        }}
        onKeyDown={(event) => {
          const outcome = autocomplete.onKeyDown(event, event.currentTarget.value);
          if (!outcome.handled) return;
          if (outcome.taken !== undefined) onInput(outcome.taken);
          // Tab takes the choice and still moves right, as it would have: the grid sees the key next.
          if (outcome.thenMove === true) return;
          event.preventDefault();
          event.stopPropagation();
        }}
        onBlur={autocomplete.close}
        role={field.catalog === undefined ? undefined : 'combobox'}
        aria-autocomplete={field.catalog === undefined ? undefined : 'list'}
        aria-expanded={field.catalog === undefined ? undefined : open}
        aria-controls={open ? listBoxId : undefined}
        aria-activedescendant={open && highlighted >= 0 ? optionId(listBoxId, highlighted) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {open && (
        <AutocompleteList
          id={listBoxId}
          anchor={anchor}
          items={autocomplete.view.items}
          highlighted={highlighted}
          onChoose={(index) => {
            const taken = autocomplete.choose(index, anchor?.value ?? '');
            if (taken !== undefined) onInput(taken);
          }}
        />
      )}
    </>
  );
}
