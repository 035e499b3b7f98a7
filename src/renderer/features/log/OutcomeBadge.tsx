/** An outcome as a coloured label; an unknown one also carries a warning icon, so colour is not the only cue. */
import type { JournalOutcome } from '../../../shared/journal';
import { outcomeLabelFor } from '../../../shared/outcomeWords';
import { outcomeTone } from './logFormat';

/** `method` names the success as that method does (an SN push: SN已推送). */
export function OutcomeBadge({
  outcome,
  method,
}: {
  readonly outcome: JournalOutcome;
  readonly method: string;
}) {
  return (
    <span className={`log-badge ${outcomeTone[outcome]}`}>
      {outcome === 'unknown' && (
        <span className="log-badge-icon" aria-hidden="true">
          ⚠
        </span>
      )}
      {outcomeLabelFor(method, outcome)}
    </span>
  );
}
