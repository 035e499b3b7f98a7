/** Row actions (with their shortcuts) and the grid's totals: rows, quantity, SNs. */
import { useMemo } from 'react';
import type { DocumentSpec } from '../../../shared/spec';
import { requestFocus, setLines, useActiveCell, useDocLines } from '../../stores/documentStore';
import { Button } from '../../ui/Button';
import { quantityField } from './fieldText';
import { columnTotal, duplicateRow, insertRow, removeRow, splitSns, trimTrailingEmptyRows } from './gridOps';

export function GridToolbar({ spec }: { readonly spec: DocumentSpec }) {
  const method = spec.method;
  const lines = useDocLines(method);
  const active = useActiveCell(method);
  const quantity = quantityField(spec.lines);
  const snField = spec.lines.find((field) => field.type.kind === 'snList');

  const totals = useMemo(() => {
    const filled = trimTrailingEmptyRows(lines);
    return {
      rows: filled.length,
      quantity: quantity ? columnTotal(filled, quantity.key) : undefined,
      sns: snField ? filled.reduce((sum, line) => sum + splitSns(line[snField.key]).length, 0) : undefined,
    };
  }, [lines, quantity, snField]);

  const focusRow = (row: number) =>
    requestFocus(method, { area: 'lines', row: Math.max(0, row), field: spec.lines[active.col]?.key });
  const change = (next: typeof lines, row: number) => {
    setLines(method, next);
    focusRow(row);
  };

  return (
    <div className="grid-toolbar" role="toolbar" aria-label="明细操作">
      <Button
        onClick={() => {
          const trimmed = trimTrailingEmptyRows(lines);
          change(insertRow(trimmed, trimmed.length), trimmed.length);
        }}
      >
        添加行
      </Button>
      <Button title="Ctrl+Enter" onClick={() => change(insertRow(lines, active.row + 1), active.row + 1)}>
        插入行
      </Button>
      <Button title="Ctrl+D" onClick={() => change(duplicateRow(lines, active.row), active.row + 1)}>
        复制行
      </Button>
      <Button
        title="Ctrl+Delete"
        onClick={() => change(removeRow(lines, active.row), Math.min(active.row, lines.length - 2))}
      >
        删除行
      </Button>
      <span className="grid-totals" aria-live="polite">
        <span>
          共 <strong>{totals.rows}</strong> 行
        </span>
        {quantity && totals.quantity !== undefined && (
          <span>
            {quantity.label}合计 <strong>{totals.quantity}</strong>
          </span>
        )}
        {totals.sns !== undefined && (
          <span>
            序列号 <strong>{totals.sns}</strong> 个
          </span>
        )}
      </span>
    </div>
  );
}
