/** Edits one cell's serial numbers as text: one per line (a scanner's Enter) or separated by commas. */
import { useState } from 'react';
import type { FieldSpec } from '../../../shared/spec';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { splitSns } from './gridOps';

interface SnEditorDialogProps {
  readonly field: FieldSpec;
  readonly row: number;
  readonly initialText: string;
  readonly onSave: (text: string) => void;
  readonly onClose: () => void;
}

export function SnEditorDialog({ field, row, initialText, onSave, onClose }: SnEditorDialogProps) {
  const [text, setText] = useState(initialText);
  const sns = splitSns(text);
  const duplicates = sns.length - new Set(sns).size;
  return (
    <Dialog
      title={`${field.label}（第${row + 1}行）`}
      onClose={onClose}
      actions={
        <>
          <Button kind="primary" onClick={() => onSave(sns.join('\n'))}>
            确定
          </Button>
          <Button onClick={onClose}>取消</Button>
        </>
      }
    >
      <label htmlFor="sn-editor-text" className="block-label">
        每行一个序列号，或用逗号分隔（扫码枪可直接扫入）
      </label>
      <textarea
        id="sn-editor-text"
        data-autofocus
        className="sn-editor"
        rows={12}
        value={text}
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.ctrlKey) {
            event.preventDefault();
            onSave(sns.join('\n'));
          }
        }}
      />
      <p className="muted">
        共 {sns.length} 个序列号{duplicates > 0 ? `，其中 ${duplicates} 个重复` : ''}。Ctrl+Enter 确定。
      </p>
    </Dialog>
  );
}
