/**
 * The lines of a scanned document: the product code, the defect flag where the document has one, the count;
 * click a line to scan into it.
 */
import type { RawRecord } from '../../../../shared/spec';
import { memo, useEffect, useMemo } from 'react';
import { cachedMatch, lookupCode } from '../../catalog/catalogLookup';
import { useCatalogVersion } from '../../catalog/catalogState';
import { useStableCallback } from '../../../ui/useStableCallback';
import type { ScanLine, ScanState } from '../model/scanData';
import { countText } from '../model/scanResult';
import { readYesNo } from '../../../../shared/validate';

export interface ScanLineListProps {
  readonly state: ScanState;
  readonly fieldsOf: (line: number) => RawRecord;
  /** The line field shown as the 残次品 column; no column when undefined. */
  readonly defectKey: string | undefined;
  readonly onSelect: (line: number) => void;
  readonly onRemove: (line: number) => void;
  readonly onDefect: (line: number, defect: boolean) => void;
}

/** Ticked exactly when the value is sent as defect: the validator's own reading of yes/no (Y, √, 是, …). */
function isDefect(value: unknown): boolean {
  return readYesNo(value) === true;
}

interface ScanLineRowProps {
  readonly line: ScanLine;
  readonly index: number;
  readonly active: boolean;
  /** Undefined when the document has no defect flag. */
  readonly defect: boolean | undefined;
  readonly handlers: RowHandlers;
}

type RowHandlers = Pick<ScanLineListProps, 'onSelect' | 'onRemove' | 'onDefect'>;

// Memoized with stable handlers: a scan changes one line object, so only that row re-renders, however
// many lines the document has.
const ScanLineRow = memo(function ScanLineRow({ line, index, active, defect, handlers }: ScanLineRowProps) {
  return (
    <tr
      className={active ? 'scan-line-active' : undefined}
      aria-selected={active}
      onClick={() => handlers.onSelect(index)}
    >
      <td>{index + 1}</td>
      <td>
        {line.specNo === '' ? (
          <span className="muted">（未填）</span>
        ) : (
          <>
            <span className="scan-line-code mono">{line.specNo}</span>
            <ScanLineName specNo={line.specNo} />
          </>
        )}
      </td>
      {defect !== undefined && (
        <td>
          <input
            type="checkbox"
            aria-label={`第${index + 1}行是否残次品`}
            checked={defect}
            onClick={(event) => event.stopPropagation()}
            onChange={(event) => handlers.onDefect(index, event.target.checked)}
          />
        </td>
      )}
      <td className="scan-line-count">{countText(line.count, line.required)}</td>
      <td>
        <button
          type="button"
          className="scan-sn-delete"
          aria-label={`删除第${index + 1}行`}
          onClick={(event) => {
            event.stopPropagation();
            handlers.onRemove(index);
          }}
        >
          删除行
        </button>
      </td>
    </tr>
  );
});

/**
 * The catalog's name of a line's product, so the picker sees what the code is. Asked for after the row has
 * rendered (never on the scan's own path), and only once per code; nothing when the catalog does not know it.
 */
function ScanLineName({ specNo }: { readonly specNo: string }) {
  useCatalogVersion();
  const match = cachedMatch('spec', specNo);
  useEffect(() => {
    if (match === undefined) void lookupCode('spec', specNo);
  }, [match, specNo]);
  return match?.found === true ? <span className="scan-line-name">{match.label}</span> : null;
}

function headRow(withDefect: boolean) {
  return (
    <thead>
      <tr>
        <th>行</th>
        <th>商家编码</th>
        {withDefect && <th>残次品</th>}
        <th>已扫</th>
        <th />
      </tr>
    </thead>
  );
}

// One element for every render: React skips what it has already seen.
const headWithDefect = headRow(true);
const headWithoutDefect = headRow(false);

export function ScanLineList({
  state,
  fieldsOf,
  defectKey,
  onSelect,
  onRemove,
  onDefect,
}: ScanLineListProps) {
  const select = useStableCallback(onSelect);
  const remove = useStableCallback(onRemove);
  const defect = useStableCallback(onDefect);
  const handlers = useMemo<RowHandlers>(
    () => ({ onSelect: select, onRemove: remove, onDefect: defect }),
    [select, remove, defect],
  );
  if (state.lines.length === 0)
    return <p className="muted scan-lines-empty">还没有商品行：先扫描商家编码条码，再扫该商品的 SN。</p>;
  return (
    <table className="scan-lines" aria-label="扫码明细">
      {defectKey === undefined ? headWithoutDefect : headWithDefect}
      <tbody>
        {state.lines.map((line, index) => (
          <ScanLineRow
            key={index}
            line={line}
            index={index}
            active={index === state.activeLine}
            defect={defectKey === undefined ? undefined : isDefect(fieldsOf(index)[defectKey])}
            handlers={handlers}
          />
        ))}
      </tbody>
    </table>
  );
}
