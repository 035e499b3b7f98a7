/**
 * How a 核对 reads for people, shared by the submission result panel and the log: which finding is the
 * latest, when the check is offered, and the fixed sentences. Pure, so the rules are tested on their own.
 */
import type { JournalEntry } from '../../../shared/journal';
import type { ReconcileFinding } from '../../../shared/reconcile';
import { reconcileStateLabels } from '../../../shared/reconcile';

/** Next to every 核对 button: what it does, and that it never sends the document again. */
export const RECONCILE_EXPLANATION = '向 ERP 查询这张单据是否已创建，不会重新提交';

/** What a finding means for the next submission of the same document. */
export const FINDING_ADVICE: Readonly<Record<ReconcileFinding['state'], string>> = {
  created: '单据已在 ERP 中创建：不要重新提交。如果再次提交，会先请您确认。',
  not_created: 'ERP 中没有这张单据：这条记录不再阻止重新提交，现在重新提交不需要确认。',
  uncertain:
    '仍不能确定 ERP 是否创建了这张单据：请在 ERP 中查看下列单据，或稍后再次核对。重新提交前会先请您确认。',
};

/**
 * The newer of two findings: the journal's (which arrives with journalChanged) and the one this window
 * received from the call or its progress event (which may arrive first). Ties go to `received`.
 */
export function latestFinding(
  recorded: ReconcileFinding | undefined,
  received: ReconcileFinding | undefined,
): ReconcileFinding | undefined {
  if (recorded === undefined) return received;
  if (received === undefined) return recorded;
  return Date.parse(received.checkedAt) >= Date.parse(recorded.checkedAt) ? received : recorded;
}

/**
 * 核对 is offered on an unknown outcome until a check settles it: after 已创建 or 未创建 there is nothing
 * left to ask; after 无法确定 it may be asked again (a permission granted, a late document).
 */
export function canReconcile(entry: JournalEntry, finding: ReconcileFinding | undefined): boolean {
  return entry.outcome === 'unknown' && (finding === undefined || finding.state === 'uncertain');
}

export function progressText(queries: number): string {
  return `正在核对…已查询 ${queries} 次`;
}

/** The list's compact mark: "已核对·已创建". */
export function findingBadgeText(finding: ReconcileFinding): string {
  return `已核对·${reconcileStateLabels[finding.state]}`;
}

/** A long SN list cut for reading; the count is always whole. */
export function snListText(sns: readonly string[], shown = 20): string {
  if (sns.length <= shown) return sns.join('、');
  return `${sns.slice(0, shown).join('、')} 等 ${sns.length} 个`;
}
