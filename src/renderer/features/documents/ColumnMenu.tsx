/**
 * 列设置: show or hide grid columns, remembered per document type. Required columns stay: hiding a column
 * the document cannot go without would only hide the problem. Opens with Alt+K; Escape closes it.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentSpec } from '../../../shared/spec';
import { Button } from '../../ui/Button';
import { columnOrder, setColumnHidden, useHiddenColumns } from './columnLayout';

export function ColumnMenu({ spec }: { readonly spec: DocumentSpec }) {
  const [open, setOpen] = useState(false);
  const hidden = useHiddenColumns(spec.method);
  const box = useRef<HTMLDivElement>(null);
  const order = columnOrder(spec.lines);
  const hiddenCount = spec.lines.filter((field) => hidden.has(field.key)).length;

  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    const onDown = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div
      className="column-menu"
      ref={box}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <Button
        tabIndex={-1}
        accessKey="k"
        title="选择显示的列（Alt+K）"
        aria-expanded={open}
        onClick={() => setOpen((now) => !now)}
      >
        列设置{hiddenCount > 0 ? `（隐藏 ${hiddenCount}）` : ''}
      </Button>
      {open && (
        <div className="column-menu-panel" role="group" aria-label="显示的列">
          {order.map((index, position) => {
            const field = spec.lines[index];
            if (!field) return null;
            const locked = position === 0 || field.required;
            return (
              <label key={field.key} title={locked ? '必填列不能隐藏' : undefined}>
                <input
                  type="checkbox"
                  checked={locked || !hidden.has(field.key)}
                  disabled={locked}
                  onChange={(event) => setColumnHidden(spec.method, field.key, !event.target.checked)}
                />
                {field.label}
              </label>
            );
          })}
        </div>
      )}
    </div>
  );
}
