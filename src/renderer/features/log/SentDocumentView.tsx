/**
 * The document a submission sent (or 预览 will send), as a form and a table (shared/sentDocument.ts reads it
 * back from the exact body): what a clerk checks against the paper, without reading JSON.
 */
import type { SentDocument } from '../../../shared/sentDocument';
import './sentDocument.css';

/** A 200,000-line document would make the detail sluggish; the export's line sheet has every line. */
const LINES_SHOWN_AT_MOST = 500;

export function SentHeaderFields({ sent }: { readonly sent: SentDocument }) {
  if (sent.header.length === 0) return null;
  return (
    <dl className="sent-header" aria-label={sent.spec.headerLabel}>
      {sent.header.map((field) => (
        <div key={field.key} className="sent-header-field">
          <dt>{field.label}</dt>
          <dd>{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SentLinesTable({
  sent,
  max = LINES_SHOWN_AT_MOST,
  caption,
}: {
  readonly sent: SentDocument;
  readonly max?: number;
  readonly caption?: string;
}) {
  if (sent.lines.length === 0) return null;
  const shown = sent.lines.slice(0, max);
  return (
    <>
      <table className="sent-lines" aria-label={caption ?? sent.spec.linesLabel}>
        <thead>
          <tr>
            <th scope="col">行</th>
            {sent.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((line, index) => (
            <tr key={index}>
              <td className="sent-line-no">{index + 1}</td>
              {line.map((value, col) => (
                <td key={sent.columns[col]?.key ?? col}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {sent.lines.length > shown.length && (
        <p className="log-detail-note">
          共 {sent.lines.length} 行，这里显示前 {shown.length} 行；导出的"明细"表中有全部明细。
        </p>
      )}
    </>
  );
}
