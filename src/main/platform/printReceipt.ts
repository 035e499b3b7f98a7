/**
 * Printing the window's current page (the log's receipt, laid out by the print style sheet) to a printer or
 * to a PDF. The Electron part is `PrintSurface` (printElectron.ts); this module turns it into results the
 * IPC handler returns, and is tested in Node against a stand-in surface.
 */
import type { ExportFile } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';

/** What printing needs from the window: Electron's webContents.print and printToPDF, nothing else. */
export interface PrintSurface {
  /** Opens the system print dialog; resolves once the user printed or cancelled. */
  print(): Promise<{ readonly printed: boolean; readonly failure?: string }>;
  /** The page as the print style sheet lays it out, on A4. */
  printToPdf(): Promise<Uint8Array>;
}

export interface ReceiptPrinter {
  toPrinter(): Promise<Result<{ readonly printed: boolean }>>;
  toPdf(name: string): Promise<Result<ExportFile>>;
}

/** "cancelled" is what Chromium reports when the user closes the dialog: not an error. */
const CANCELLED = /cancel/i;

/** A file name Windows accepts: no \ / : * ? " < > |, no control characters, not empty. */
export function pdfFileName(name: string): string {
  const cleaned = [...name]
    .map((char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(char) ? '-' : char))
    .join('')
    .replace(/-+/g, '-')
    .trim()
    .slice(0, 80);
  return `${cleaned === '' ? '回执' : cleaned}.pdf`;
}

export function createReceiptPrinter(surface: PrintSurface | undefined): ReceiptPrinter {
  const missing = () =>
    fail('INTERNAL', '这个窗口不能打印。请在 WDT Desk 桌面程序中打印，或用"打印预览"查看回执。');
  return {
    async toPrinter() {
      if (surface === undefined) return missing();
      try {
        const { printed, failure } = await surface.print();
        if (printed || failure === undefined || CANCELLED.test(failure)) return ok({ printed });
        return fail('INTERNAL', `打印失败：${failure}`);
      } catch (error) {
        return fail('INTERNAL', `打印失败：${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async toPdf(name) {
      if (surface === undefined) return missing();
      try {
        return ok({ fileName: pdfFileName(name), bytes: await surface.printToPdf() });
      } catch (error) {
        return fail('INTERNAL', `无法生成 PDF：${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
