/** A box to paste many SNs (one per line, as copied from Excel or a text file), for a line or as the expected list. */
import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';

export interface PasteSnsDialogProps {
  readonly title: string;
  readonly hint: string;
  readonly onApply: (text: string) => void;
  readonly onClose: () => void;
}

export function PasteSnsDialog({ title, hint, onApply, onClose }: PasteSnsDialogProps) {
  const [text, setText] = useState('');
  const count = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').length;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button kind="primary" disabled={count === 0} onClick={() => onApply(text)}>
            添加
          </Button>
          <Button onClick={onClose}>取消</Button>
        </>
      }
    >
      <label className="block-label" htmlFor="scan-paste-text">
        {hint}
      </label>
      <textarea
        id="scan-paste-text"
        data-autofocus
        className="sn-editor"
        rows={12}
        value={text}
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="muted">共 {count} 行</p>
    </Dialog>
  );
}
