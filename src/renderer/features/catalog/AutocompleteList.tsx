/**
 * The suggestion list under a text box. Drawn in a portal with fixed position, so it neither shifts the
 * layout nor gets clipped by the grid's scroll box (whose rows are transformed), and kept inside the window
 * at 1024×768. The list never takes the focus: the box keeps it and points at the highlighted choice with
 * aria-activedescendant.
 */
import { useLayoutEffect, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import type { CatalogSuggestion } from '../../../shared/catalog';
import './catalog-entry.css';

const LIST_WIDTH = 420;
const ROW_HEIGHT = 30;

interface AutocompleteListProps {
  readonly id: string;
  readonly anchor: HTMLElement | null;
  readonly items: readonly Pick<CatalogSuggestion, 'value' | 'label' | 'barcode' | 'note'>[];
  readonly highlighted: number;
  /** The list's accessible name; the catalog's by default. */
  readonly label?: string;
  readonly onChoose: (index: number) => void;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

function placement(anchor: HTMLElement, count: number): CSSProperties {
  const rect = anchor.getBoundingClientRect();
  const width = Math.min(LIST_WIDTH, window.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  const height = count * ROW_HEIGHT + 8;
  const below = window.innerHeight - rect.bottom;
  // Above the box when the window has no room below it (the last grid rows at 1024×768).
  const top = below >= height || below >= rect.top ? rect.bottom + 2 : Math.max(8, rect.top - height - 2);
  return { left, top, width };
}

export function AutocompleteList({
  id,
  anchor,
  items,
  highlighted,
  onChoose,
  label = '目录中的选项',
}: AutocompleteListProps) {
  const [style, setStyle] = useState<CSSProperties | null>(null);
  useLayoutEffect(() => {
    // Measuring the box is the point of a layout effect: it must happen before the list paints.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStyle(anchor === null ? null : placement(anchor, items.length));
  }, [anchor, items.length]);
  if (anchor === null || style === null || items.length === 0) return null;
  return createPortal(
    <ul id={id} role="listbox" className="catalog-suggestions" style={style} aria-label={label}>
      {items.map((item, index) => (
        <li
          key={`${item.value}-${index}`}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === highlighted}
          className={`catalog-suggestion${index === highlighted ? ' catalog-suggestion-active' : ''}`}
          // The box keeps the focus: a click must not blur it (the grid would end the edit).
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(index)}
        >
          <span className="catalog-suggestion-code">{item.value}</span>
          <span className="catalog-suggestion-label">{item.label}</span>
          {item.barcode !== undefined && (
            <span className="catalog-suggestion-barcode">条码 {item.barcode}</span>
          )}
          {item.note !== undefined && item.note !== '' && (
            <span className="catalog-suggestion-note">{item.note}</span>
          )}
        </li>
      ))}
    </ul>,
    document.body,
  );
}
