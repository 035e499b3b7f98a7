/**
 * Actions every scan view offers: undo the last scan, paste many SNs, import an SN list from Excel (through
 * the import pipeline's dialog). Dialogs hand the focus back to the scan field when they close.
 */
import { memo, useState, type ReactNode, type RefObject } from 'react';
import type { LineQuantity } from '../../../../shared/import/types';
import type { DocumentSpec } from '../../../../shared/spec';
import { Button } from '../../../ui/Button';
import { ImportDialog, type ImportApplied } from '../../import/ImportDialog';
import { PasteSnsDialog } from './PasteSnsDialog';
import { addSnGroups, pasteSns } from '../input/scanBulk';
import type { ScanController } from '../controller/scanController';
import { focusWhenFree } from './ScanField';

export interface ScanToolbarProps {
  readonly spec: DocumentSpec;
  readonly controller: ScanController;
  readonly fieldRef: RefObject<HTMLInputElement | null>;
  /** The line pasted SNs go to; undefined means the active line. */
  readonly line?: number;
  readonly importLines?: readonly LineQuantity[];
  readonly children?: ReactNode;
}

// Memoized: the scan view around it re-renders on every scan, its props only when the actions change.
export const ScanToolbar = memo(function ScanToolbar({
  spec,
  controller,
  fieldRef,
  line,
  importLines,
  children,
}: ScanToolbarProps) {
  const [dialog, setDialog] = useState<'paste' | 'import' | null>(null);
  const close = () => {
    setDialog(null);
    focusWhenFree(fieldRef.current);
  };
  const onImport = (result: ImportApplied) => {
    close();
    const groups = result.sns ?? [];
    const specNo = (group: { specNo: string | null }) => (line !== undefined ? null : group.specNo);
    void addSnGroups(
      controller,
      groups.map((group) => ({ specNo: specNo(group), sns: group.sns })),
      { label: '导入SN', ...(line !== undefined ? { line } : {}) },
    );
  };
  return (
    <div className="scan-toolbar" role="toolbar" aria-label="扫码操作">
      <Button
        title="Ctrl+Z"
        onClick={() => void controller.undo().then(() => focusWhenFree(fieldRef.current))}
      >
        撤销上一个
      </Button>
      <Button onClick={() => setDialog('paste')}>粘贴SN</Button>
      <Button onClick={() => setDialog('import')}>导入SN</Button>
      {children}
      {dialog === 'paste' && (
        <PasteSnsDialog
          title="粘贴SN"
          hint="每行一个 SN（可从 Excel 整列复制），逐个检查后加入当前行"
          onClose={close}
          onApply={(text) => {
            close();
            void pasteSns(controller, text, line);
          }}
        />
      )}
      {dialog === 'import' && (
        <ImportDialog
          spec={spec}
          target="sns"
          onApply={onImport}
          onClose={close}
          {...(importLines ? { lines: importLines } : {})}
        />
      )}
    </div>
  );
});
