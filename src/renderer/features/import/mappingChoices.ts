/** The column-mapping form's rules, apart from the screen: what is still missing, and the choices it sends. */
import type { ColumnChoices, MappingNeed } from '../../../shared/import';

interface SelectionProblems {
  /** Labels of required fields no column is mapped to. */
  readonly missing: readonly string[];
  /** Labels of fields two or more columns are mapped to. */
  readonly repeated: readonly string[];
}

export function selectionProblems(
  need: MappingNeed,
  selections: readonly (string | null)[],
): SelectionProblems {
  const counts = new Map<string, number>();
  for (const key of selections) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  return {
    missing: need.fields.filter((field) => field.required && !counts.has(field.key)).map((f) => f.label),
    repeated: need.fields.filter((field) => (counts.get(field.key) ?? 0) > 1).map((f) => f.label),
  };
}

/** Every header with its field or null (忽略), so the choice is complete and can be remembered as is. */
export function toChoices(need: MappingNeed, selections: readonly (string | null)[]): ColumnChoices {
  const choices: Record<string, string | null> = {};
  need.headers.forEach((header, index) => {
    choices[header] = selections[index] ?? null;
  });
  return choices;
}
