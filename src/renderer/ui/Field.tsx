import type { ReactNode } from 'react';
import { HelpTip } from './HelpTip';

interface FieldProps {
  /** The control's id; the label points at it so `getByLabel(label)` finds the control. */
  readonly id: string;
  readonly label: string;
  readonly required?: boolean;
  readonly help?: string;
  /** A short hint under the control (format, unit). */
  readonly hint?: string;
  readonly error?: string;
  readonly children: ReactNode;
}

/** A label, the control, and its hint or error, laid out in one dense row of a form grid. */
export function Field({ id, label, required, help, hint, error, children }: FieldProps) {
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id} title={help}>
          {label}
        </label>
        {required && (
          <span className="required-mark" aria-hidden="true" title="必填">
            *
          </span>
        )}
        {help !== undefined && <HelpTip text={help} label={label} />}
      </div>
      {children}
      {error ? (
        <div className="field-message" role="alert">
          {error}
        </div>
      ) : (
        hint && <div className="field-hint">{hint}</div>
      )}
    </div>
  );
}
