import { useId, useState } from 'react';

/** A small "?" that shows the vendor's description on hover (title) and on click or Enter (popover). */
export function HelpTip({ text, label }: { readonly text: string; readonly label: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (text.trim() === '' || text === label) return null;
  return (
    <span className="help-tip">
      <button
        type="button"
        className="help-tip-button"
        title={text}
        aria-label="查看说明"
        aria-expanded={open}
        aria-controls={id}
        tabIndex={-1}
        onClick={() => setOpen((value) => !value)}
        onBlur={() => setOpen(false)}
      >
        ?
      </button>
      {open && (
        <span id={id} role="tooltip" className="help-tip-popover">
          {text}
        </span>
      )}
    </span>
  );
}
