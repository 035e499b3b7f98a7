/**
 * Column mapping instead of a dead end: one select per sheet column (a field, or 忽略) above a preview of
 * the first rows, so the user can see which column holds what. Confirming imports the file again with the
 * mapping, and the dialog remembers it for the next file with the same headers.
 */
import { useState } from 'react';
import type { ColumnChoices, MappingNeed } from '../../../shared/import';
import { selectionProblems, toChoices } from './mappingChoices';

interface ColumnMapperProps {
  readonly need: MappingNeed;
  readonly onConfirm: (choices: ColumnChoices) => void;
}

const IGNORE = '';

export function ColumnMapper({ need, onConfirm }: ColumnMapperProps) {
  const [selections, setSelections] = useState<(string | null)[]>(() => [...need.suggested]);
  const { missing, repeated } = selectionProblems(need, selections);
  const ready = missing.length === 0 && repeated.length === 0;

  const choose = (index: number, value: string) =>
    setSelections((current) =>
      current.map((key, at) => (at === index ? (value === IGNORE ? null : value) : key)),
    );

  return (
    <section className="import-mapper" aria-label="指定各列对应的字段">
      <p>请为每一列选择对应的字段（不需要的列选“忽略”）。下次导入表头相同的文件时会自动使用这个对应关系。</p>
      <div className="import-mapper-table" tabIndex={0}>
        <table>
          <thead>
            <tr>
              {need.headers.map((header, index) => (
                <th key={index} scope="col">
                  <div>{header}</div>
                  <select
                    aria-label={`「${header}」对应的字段`}
                    value={selections[index] ?? IGNORE}
                    onChange={(event) => choose(index, event.target.value)}
                  >
                    <option value={IGNORE}>忽略</option>
                    {need.fields.map((field) => (
                      <option key={field.key} value={field.key}>
                        {field.required ? `${field.label}（必填）` : field.label}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {need.preview.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {need.headers.map((_header, index) => (
                  <td key={index}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && <p className="import-error">还需要指定：{missing.join('、')}</p>}
      {repeated.length > 0 && <p className="import-error">同一个字段选了多列：{repeated.join('、')}</p>}
      <button
        type="button"
        className="import-primary"
        disabled={!ready}
        onClick={() => onConfirm(toChoices(need, selections))}
      >
        按此对应重新读取
      </button>
    </section>
  );
}
