/**
 * "编码对应的名称": the codes of a document with their names from the local catalog, for the preview and the
 * log's detail, so a person can check what a list of codes means before or after sending. Capped: a
 * 200,000-line document lists its first codes only, and they are looked up in one batch per kind.
 */
import { useEffect } from 'react';
import type { DocumentSpec, RawRecord } from '../../../shared/spec';
import { cachedMatch, lookupCodes } from './catalogLookup';
import { codesByKind, codesInDocument, isNonPurchaser, nameText, NOT_A_PURCHASER } from './catalogCodes';
import { useCatalogHasRecords, useCatalogVersion } from './catalogState';
import './catalog-entry.css';

const NAMES_SHOWN_AT_MOST = 200;

interface CatalogNamesProps {
  readonly spec: DocumentSpec;
  readonly header: RawRecord;
  readonly lines: readonly RawRecord[];
  /** A heading above the table (the log's detail); shown only with the table. */
  readonly title?: string;
}

export function CatalogNames({ spec, header, lines, title }: CatalogNamesProps) {
  const hasRecords = useCatalogHasRecords();
  const version = useCatalogVersion();
  // One more than shown, to know whether the list was cut.
  const uses = codesInDocument(spec, header, lines, NAMES_SHOWN_AT_MOST + 1);
  const shown = uses.slice(0, NAMES_SHOWN_AT_MOST);
  const key = shown.map((use) => `${use.kind}:${use.code}`).join('\n');

  useEffect(() => {
    if (!hasRecords) return;
    for (const [kind, codes] of codesByKind(shown)) void lookupCodes(kind, codes);
    // `key` stands for `shown`, which is a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, hasRecords, version]);

  if (!hasRecords || shown.length === 0) return null;
  return (
    <section className="catalog-names" aria-label="编码对应的名称">
      {title !== undefined && <h3>{title}</h3>}
      <table>
        <thead>
          <tr>
            <th>字段</th>
            <th>编码</th>
            <th>名称（本地目录）</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((use) => {
            const match = cachedMatch(use.kind, use.code);
            const missing = match !== undefined && !match.found;
            const text =
              match === undefined
                ? '…'
                : missing
                  ? '目录中没有'
                  : isNonPurchaser(match)
                    ? `${match.found ? match.label : ''} · ${NOT_A_PURCHASER}`
                    : nameText(match);
            return (
              <tr key={`${use.field.key}-${use.code}`}>
                <td>{use.field.label}</td>
                <td className="catalog-names-code">{use.code}</td>
                <td
                  className={
                    missing || isNonPurchaser(match ?? { found: false }) ? 'catalog-missing' : undefined
                  }
                >
                  {text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {uses.length > NAMES_SHOWN_AT_MOST && <p className="muted">只列出前 {NAMES_SHOWN_AT_MOST} 个编码。</p>}
    </section>
  );
}
