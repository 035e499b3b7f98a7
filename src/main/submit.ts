/**
 * Submitting a document, at most once: validate again in main (the renderer is not trusted), refuse a
 * second send of the same draft while one is in flight, demand explicit confirmation when the journal
 * shows the same document was created or may have been, journal the request durably BEFORE it leaves,
 * then sign, send and record what became of it.
 */
import { getSpec } from '../shared/documents';
import { buildArgs } from '../shared/args';
import { hasErrors, validateDocument } from '../shared/validate';
import { blocksResend } from '../shared/journal';
import {
  argsWithTransferReference,
  OUTER_TRANSFER_METHOD,
  transferReferenceFor,
} from '../shared/transferReference';
import type { DocumentDraft } from '../shared/spec';
import type { SubmissionProgress, SubmitResponse } from '../shared/ipc';
import { fail, ok, type Result } from '../shared/result';
import { createSerialQueue } from '../shared/serialQueue';
import type { ProfileSummary } from '../shared/profile';
import { environmentLabels } from '../shared/profile';
import type { Journal } from './journal/journal';
import { JournalForbiddenTextError, JournalUnavailableError } from './journal/errors';
import type { WdtClient } from './wdt/client';
import { bodyTextOf } from './wdt/signer';
import { unrecordedOutcome } from './unrecordedOutcome';

interface SubmitRequest {
  readonly method: string;
  readonly draftId: string;
  readonly draft: DocumentDraft;
  readonly confirmedPriorIds?: readonly string[];
}

interface SubmitDeps {
  /** The journal once it has been replayed (start-up does not wait for it; a submission does). */
  readonly journal: () => Promise<Journal>;
  readonly activeProfile: () => ProfileSummary;
  /** The operator recorded with the submission. */
  readonly operatorFor: (profile: ProfileSummary) => string;
  /** A signed client for the profile, or why there is none (e.g. the secret must be re-entered). */
  readonly clientFor: (profile: ProfileSummary) => Promise<Result<WdtClient>>;
  readonly progress: (progress: SubmissionProgress) => void;
  /** Whether an outer transfer's remark gets its 核对 reference (settings; off when not given). */
  readonly outerTransferReference?: () => boolean;
}

export type Submit = (request: SubmitRequest) => Promise<Result<SubmitResponse>>;

/**
 * Journals the submission, or says plainly why it cannot be (the journal file vanished or cannot be
 * written, or the body holds a credential). Nothing has been sent then, and the user must know that.
 */
async function beginOrRefuse(
  journal: Journal,
  start: Parameters<Journal['beginSubmission']>[0],
): Promise<string | Result<never>> {
  try {
    return await journal.beginSubmission(start);
  } catch (error) {
    if (error instanceof JournalUnavailableError)
      return fail('STORE_FAILED', `${error.message}单据没有发出。`);
    if (error instanceof JournalForbiddenTextError) return fail('VALIDATION', error.message);
    throw error;
  }
}

/** Either the answer (nothing to send) or what to send, already journaled as 'sending'. */
type Prepared =
  | { readonly kind: 'answer'; readonly answer: Result<SubmitResponse> }
  | {
      readonly kind: 'send';
      readonly journal: Journal;
      readonly entryId: string;
      readonly client: WdtClient;
      readonly args: unknown[];
    };

export function createSubmitter(deps: SubmitDeps): Submit {
  const inFlight = new Set<string>();
  // From the duplicate check to the durable 'sending' record, one submission at a time: two windows or
  // two drafts with the same content cannot both pass the check before either is journaled.
  const exclusive = createSerialQueue();

  const prepare = async (
    request: SubmitRequest,
    report: (phase: SubmissionProgress['phase']) => void,
  ): Promise<Prepared> => {
    const spec = getSpec(request.method);
    if (!spec)
      return { kind: 'answer', answer: fail('INVALID_ARGUMENT', `不支持的单据类型：${request.method}`) };
    report('checking');
    const checked = validateDocument(spec, request.draft);
    if (!checked.document || hasErrors(checked.problems)) {
      return { kind: 'answer', answer: ok({ status: 'invalid', problems: checked.problems }) };
    }
    const businessKey = spec.businessKey(checked.document);
    const journal = await deps.journal();
    const prior = journal.findPrior(spec.method, businessKey).filter((entry) => blocksResend(entry));
    const confirmed = new Set(request.confirmedPriorIds ?? []);
    if (prior.some((entry) => !confirmed.has(entry.id))) {
      return { kind: 'answer', answer: ok({ status: 'needs-confirmation', prior }) };
    }
    const profile = deps.activeProfile();
    const client = await deps.clientFor(profile);
    if (!client.ok) return { kind: 'answer', answer: client };
    const built = buildArgs(spec, checked.document);
    const referenced = spec.method === OUTER_TRANSFER_METHOD && deps.outerTransferReference?.() === true;
    let args = built;
    // The reference comes from the entry id, known only as the record is written: the body is made then.
    const body = (id: string): string => {
      if (referenced) args = argsWithTransferReference(spec.method, built, transferReferenceFor(id));
      return bodyTextOf(args);
    };
    report('journaling');
    const entryId = await beginOrRefuse(journal, {
      operator: deps.operatorFor(profile),
      profileName: profile.name,
      environment: environmentLabels[profile.environment],
      method: spec.method,
      documentTitle: spec.title,
      businessKey,
      // The same serializer the client signs with, so the journal holds the exact bytes sent.
      body,
      draftId: request.draftId,
    });
    if (typeof entryId !== 'string') return { kind: 'answer', answer: entryId };
    return { kind: 'send', journal, entryId, client: client.value, args };
  };

  return async (request) => {
    if (inFlight.has(request.draftId)) return fail('BUSY', '这张单据正在提交，请等待结果，不要重复点击。');
    inFlight.add(request.draftId);
    const report = (phase: SubmissionProgress['phase']): void =>
      deps.progress({ draftId: request.draftId, phase });
    try {
      const prepared = await exclusive.run(() => prepare(request, report));
      if (prepared.kind === 'answer') return prepared.answer;
      report('sending');
      const result = await prepared.client.call(request.method, prepared.args);
      try {
        const entry = await prepared.journal.recordResult(
          prepared.entryId,
          result.outcome,
          result.durationMs,
        );
        return ok({ status: 'sent', entry, outcome: result.outcome });
      } catch (error) {
        // The request has gone: whatever failed here, the document may exist, so never "please retry".
        // The entry reads as unknown (it blocks a resend, and 核对 can check it); Journal.markUnrecorded.
        const outcome = unrecordedOutcome(result.outcome, error);
        const entry = prepared.journal.markUnrecorded(prepared.entryId, outcome);
        if (!entry) throw error;
        return ok({ status: 'sent', entry, outcome });
      }
    } finally {
      report('done');
      inFlight.delete(request.draftId);
    }
  };
}
