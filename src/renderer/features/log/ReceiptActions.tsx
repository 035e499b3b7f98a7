/**
 * 打印回执 / 保存为 PDF: main prints the window, whose print style sheet shows only the receipt
 * (LogReceipt.tsx). A PDF comes back as bytes and is saved the way the export is.
 */
import { useState } from 'react';
import type { JournalEntryDetail } from '../../../shared/journal';
import { bridge } from '../../stores/bridge';
import { saveBytesAs } from '../../ui/download';
import { documentNoOf } from './logFormat';

interface ReceiptActionsProps {
  readonly entry: JournalEntryDetail;
  readonly onStatus: (text: string) => void;
  /** Called just before printing, so the receipt's 打印时间 is the time it is printed. */
  readonly onPrinting: () => void;
}

/** Lets React paint the receipt's new time before main captures the page. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export function ReceiptActions({ entry, onStatus, onPrinting }: ReceiptActionsProps) {
  const [busy, setBusy] = useState(false);
  const name = `${entry.documentTitle}-回执-${documentNoOf(entry) ?? entry.id}`;

  const run = async (target: 'printer' | 'pdf'): Promise<void> => {
    setBusy(true);
    onPrinting();
    await nextFrame();
    try {
      const result = await bridge().printReceipt({ target, name });
      if (!result.ok) onStatus(result.error.message);
      else if (result.value.pdf !== undefined) {
        saveBytesAs(result.value.pdf.fileName, result.value.pdf.bytes, 'application/pdf');
        onStatus(`已生成 PDF：${result.value.pdf.fileName}`);
      } else onStatus(result.value.printed ? '回执已送往打印机。' : '已取消打印。');
    } catch (error) {
      onStatus(`无法打印：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void run('printer')}>
        打印回执
      </button>
      <button type="button" disabled={busy} onClick={() => void run('pdf')}>
        保存为 PDF
      </button>
    </>
  );
}
