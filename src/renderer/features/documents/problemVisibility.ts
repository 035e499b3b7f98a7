/**
 * Which problems the screen shows yet. A fresh document is quiet: a header field's problem shows once the
 * user has left that field or it holds a value (typed, remembered, restored); the grid's "至少需要一行" once
 * a grid cell was edited or left. After a try to submit or preview, everything shows. The field messages,
 * the problem list and the submit button's count all go through here, so they never disagree.
 *
 * Row problems always show, as the grid paints them red at once: validation skips the trailing empty rows,
 * so a row has problems only once something was typed, pasted or imported into it.
 */
import type { ProblemPath, RawRecord } from '../../../shared/spec';
import { isBlank } from '../../../shared/validate';

/** The visited key of the grid as a whole (header fields use their own keys). */
export const LINES_VISIT = '#lines';

export interface Visits {
  readonly visited: ReadonlySet<string>;
  readonly revealAll: boolean;
}

function isProblemShown(path: ProblemPath, header: RawRecord, checked: RawRecord, visits: Visits): boolean {
  // A problem about a value the field no longer holds is not the field's problem; its check is on the way.
  if (
    path.area !== 'lines' &&
    path.field !== undefined &&
    !Object.is(checked[path.field], header[path.field])
  )
    return false;
  if (visits.revealAll) return true;
  if (path.area === 'lines') return path.row !== undefined || visits.visited.has(LINES_VISIT);
  if (path.field === undefined) return true;
  return visits.visited.has(path.field) || !isBlank(header[path.field]);
}

/** The problems, found in the header `checked`, that the screen shows now that the header is `header`. */
export function shownProblems<T extends { readonly path: ProblemPath }>(
  problems: readonly T[],
  header: RawRecord,
  checked: RawRecord,
  visits: Visits,
): T[] {
  return problems.filter((problem) => isProblemShown(problem.path, header, checked, visits));
}
