/**
 * "从文件导入…" in the 商品目录 section: for sellers whose API account may not query master data, an export of
 * the ERP's goods list (商家编码, 货品名称, 规格名称, 条码) fills the catalog instead. The file is read by the
 * shared import pipeline in its worker (preview, column mapping, problems by row), the user confirms that the
 * goods will be replaced, and the products go to main in batches with progress.
 */
import { useState } from 'react';
import type { CatalogStatus } from '../../../shared/catalog';
import { buildCatalogTemplate, CATALOG_TEMPLATE_FILE_NAME, type ImportResult } from '../../../shared/import';
import { Button } from '../../ui/Button';
import { saveBytesAs } from '../../ui/download';
import { canApply } from '../import/applyResult';
import { ImportDialog } from '../import/ImportDialog';
import { acceptPanelStatus } from './catalogStore';
import { bridge } from '../../stores/bridge';
import { outcomeText, replacementQuestion, sendCatalogRows, type SendOutcome } from './catalogImportSend';

/** Where the replacement is; every step but 'reading' belongs to the file read when it began. */
type Step =
  | { readonly kind: 'reading' }
  | { readonly kind: 'confirming'; readonly result: ImportResult }
  | { readonly kind: 'sending'; readonly result: ImportResult; readonly sent: number; readonly total: number }
  | { readonly kind: 'finished'; readonly result: ImportResult; readonly text: string; readonly ok: boolean };

const READING: Step = { kind: 'reading' };

/** A step of an earlier file is over once another file is read (the dialog lets the user pick again). */
function stepFor(step: Step, result: ImportResult | undefined): Step {
  if (step.kind === 'reading' || step.kind === 'sending') return step;
  return step.result === result ? step : READING;
}

interface CatalogImportButtonProps {
  /** Disabled while something else writes the catalog (a sync running). */
  readonly disabled?: boolean;
  /** Told the catalog's status after a successful import. */
  readonly onImported?: (status: CatalogStatus) => void;
}

export function CatalogImportButton({ disabled = false, onImported }: CatalogImportButtonProps) {
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>(READING);

  const close = () => {
    // Main is writing the goods: closing now would hide how it ends.
    if (step.kind === 'sending') return;
    setOpen(false);
    setStep(READING);
  };

  const replace = async (result: ImportResult) => {
    const products = result.products ?? [];
    setStep({ kind: 'sending', result, sent: 0, total: products.length });
    const outcome: SendOutcome = await sendCatalogRows(
      products,
      (batch) => bridge().importCatalogRows({ first: batch.first, last: batch.last, rows: [...batch.rows] }),
      (sent, total) => setStep({ kind: 'sending', result, sent, total }),
    );
    const barcodes = products.reduce((sum, product) => sum + product.barcodes.length, 0);
    setStep({
      kind: 'finished',
      result,
      ok: outcome.ok,
      text: outcomeText(outcome, products.length, barcodes),
    });
    if (outcome.ok) {
      acceptPanelStatus(outcome.status);
      onImported?.(outcome.status);
    }
  };

  const actions = (result: ImportResult) => {
    const current = stepFor(step, result);
    switch (current.kind) {
      case 'reading':
        return (
          <button
            type="button"
            className="import-primary"
            disabled={!canApply(result)}
            onClick={() => setStep({ kind: 'confirming', result })}
          >
            替换目录中的商品…
          </button>
        );
      case 'confirming':
        return (
          <>
            <button type="button" className="import-primary" onClick={() => void replace(current.result)}>
              确认替换
            </button>
            <button type="button" onClick={() => setStep(READING)}>
              返回
            </button>
          </>
        );
      default:
        return null;
    }
  };

  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        disabled={disabled}
        title="从 ERP 导出的货品列表（商家编码、货品名称、规格名称、条码）导入，适用于 API 账号没有查询权限时"
      >
        从文件导入…
      </Button>
      {open && (
        <ImportDialog
          target="catalog"
          onClose={close}
          renderActions={actions}
          renderStatus={(result) => <StepView step={stepFor(step, result)} />}
          templateButton={
            <button
              type="button"
              className="import-template-button"
              title="下载商品目录导入模板（商家编码、货品名称、规格名称、主条码、条码）"
              onClick={() => saveBytesAs(CATALOG_TEMPLATE_FILE_NAME, buildCatalogTemplate())}
            >
              下载模板
            </button>
          }
        />
      )}
    </>
  );
}

function StepView({ step }: { readonly step: Step }) {
  switch (step.kind) {
    case 'reading':
      return null;
    case 'confirming': {
      const products = step.result.products?.length ?? 0;
      const badRows = new Set(step.result.problems.flatMap((problem) => problem.row ?? [])).size;
      return (
        <p className="import-note" role="alert">
          {replacementQuestion(products, badRows)}
        </p>
      );
    }
    case 'sending':
      return (
        <div className="import-progress" aria-live="polite">
          <p>
            正在写入目录… {step.sent.toLocaleString()} / {step.total.toLocaleString()} 个商家编码
          </p>
          <progress max={step.total || undefined} value={step.sent} />
        </div>
      );
    case 'finished':
      return (
        <p className={step.ok ? 'import-note' : 'import-error'} role="status">
          {step.text}
        </p>
      );
  }
}
