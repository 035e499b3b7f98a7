/**
 * A date or date-time header field (issue #16): the text box takes what people type (2026/12/1, 20261201,
 * 2026年12月1日, with or without a time; the forms the spreadsheet import reads, shared/typedValues.ts) and
 * shows it in the vendor's form on leaving the box; the 日历 button opens the browser's own picker, whose
 * choice is written in the vendor's form too. Text that is no date stays as typed, for the validator to name.
 */
import { useRef } from 'react';
import { readTypedDate, type DateFormat } from '../../../shared/typedValues';
import { Button } from '../../ui/Button';
import type { HeaderTextBoxProps } from './headerControl';

interface DateHeaderInputProps extends HeaderTextBoxProps {
  readonly format: DateFormat;
  readonly label: string;
}

/** The typed text in the vendor's form, or unchanged when it is no certain date. */
export function normalizedDate(text: string, format: DateFormat): string {
  if (text.trim() === '') return text;
  const reading = readTypedDate(text, format);
  return reading.problem === undefined ? reading.text : text;
}

/** The vendor's text as the native picker's value ('' when it is no complete date). */
export function pickerValue(text: string, format: DateFormat): string {
  const normalized = normalizedDate(text, format);
  const match = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}):\d{2})?$/.exec(normalized);
  if (match === null) return '';
  if (format === 'date') return match[1] ?? '';
  return `${match[1] ?? ''}T${match[2] ?? '00:00'}`;
}

/** The native picker's value ("2026-12-01" or "2026-12-01T10:30") in the vendor's form. */
export function fromPicker(value: string, format: DateFormat): string {
  if (value === '') return '';
  return normalizedDate(value.replace('T', ' '), format);
}

export function DateHeaderInput({
  format,
  label,
  text,
  placeholder,
  onChange,
  common,
}: DateHeaderInputProps) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div className="input-with-button date-input">
      <input
        {...common}
        type="text"
        placeholder={placeholder}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onBlur={(event) => {
          const normalized = normalizedDate(event.currentTarget.value, format);
          if (normalized !== event.currentTarget.value) onChange(normalized);
        }}
        autoComplete="off"
        spellCheck={false}
      />
      <input
        ref={picker}
        className="date-picker-native"
        type={format === 'date' ? 'date' : 'datetime-local'}
        step={format === 'date' ? undefined : 1}
        aria-label={`${label}：日历`}
        tabIndex={-1}
        value={pickerValue(text, format)}
        onChange={(event) => onChange(fromPicker(event.target.value, format))}
      />
      <Button
        title="从日历中选择"
        aria-label={`选择${label}`}
        onClick={() => {
          const element = picker.current;
          if (element === null) return;
          try {
            element.showPicker();
          } catch {
            // A browser that refuses showPicker here still lets the user type; put the focus there instead.
            element.focus();
          }
        }}
      >
        日历
      </Button>
    </div>
  );
}
