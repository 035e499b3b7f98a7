/**
 * The grid's one live text box, at the active cell. It always holds the focus while the grid does, so a
 * scanner, an IME and plain typing all land in it: typing replaces the selected value (Excel's "enter"
 * mode), F2 or a double click edits in place. SN lists open their editor instead of editing inline.
 */
import { useEffect, useRef } from 'react';
import type { FieldSpec, RawValue } from '../../../shared/spec';
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
  const ref = useRef<HTMLInputElement>(null);
  const isSn = field.type.kind === 'snList';

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
        ref={ref}
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
  return (
    <input
      ref={ref}
      className={`grid-input${editing ? ' grid-input-editing' : ''}`}
      aria-label={label}
      title={field.help}
      placeholder={formatHint(field)}
      list={suggestionsFor(field).length > 0 ? listId : undefined}
      value={editText(value)}
      onChange={(event) => onInput(event.target.value)}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
