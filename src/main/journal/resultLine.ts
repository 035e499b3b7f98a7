/**
 * The bytes of a result record, credentials removed. A forbidden string inside the outcome (say, the ERP
 * echoing a credential) is replaced rather than refused: the request has already gone, and losing its
 * result would turn a known outcome into an unknown one.
 */
import { JournalForbiddenTextError } from './errors';
import { containsForbidden, forbiddenForms, redact } from './forbidden';
import type { ResultRecord, SubmissionMeta } from './format';
import { serializeResult } from './format';

export function resultLine(
  record: ResultRecord,
  submission: SubmissionMeta,
  forbidden: readonly string[],
): Buffer {
  const forms = forbiddenForms(forbidden);
  let line = serializeResult(record, submission);
  if (containsForbidden(line, forms)) {
    line = serializeResult(
      { ...record, outcome: redact(record.outcome, forbidden), redacted: true },
      submission,
    );
    if (containsForbidden(line, forms)) throw new JournalForbiddenTextError();
  }
  return Buffer.from(line);
}
