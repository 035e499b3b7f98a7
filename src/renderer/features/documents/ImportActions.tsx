/**
 * The import wiring in one place: the import feature's dialog and template button, with the grid as the
 * target. Kept apart so the document screen does not depend on the import's internals.
 */
import { useState } from 'react';
import type { DocumentSpec } from '../../../shared/spec';
import { Button } from '../../ui/Button';
import { ImportDialog } from '../import/ImportDialog';
import { TemplateButton } from '../import/TemplateButton';
import type { ImportResult } from './importApply';

interface ImportActionsProps {
  readonly spec: DocumentSpec;
  readonly onApply: (result: ImportResult) => void;
}

export function ImportActions({ spec, onApply }: ImportActionsProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} title="从 Excel 或 CSV 文件导入明细">
        导入 Excel
      </Button>
      <TemplateButton spec={spec} />
      {open && (
        <ImportDialog
          spec={spec}
          target="lines"
          onApply={(result: ImportResult) => {
            setOpen(false);
            onApply(result);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
