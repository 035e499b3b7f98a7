/** An outcome as a coloured label; an unknown one also carries a warning icon, so colour is not the only cue. */
import type { JournalOutcome } from '../../../shared/journal';
import { outcomeLabel, outcomeTone } from './logFormat';

export function OutcomeBadge({ outcome }: { readonly outcome: JournalOutcome }) {
  return (
    <span className={`log-badge ${outcomeTone[outcome]}`}>
      {outcome === 'unknown' && (
        <span className="log-badge-icon" aria-hidden="true">
          ⚠
        </span>
      )}
      {outcomeLabel(outcome)}
    </span>
  );
}
