/**
 * Printing the receipt: the Electron edge (printElectron.ts) against a stand-in webContents, and the results
 * the IPC call returns (printReceipt.ts) for a printed page, a closed dialog, a failure and no window.
 */
import { describe, expect, it } from 'vitest';
import { createElectronPrintSurface } from '../../../src/main/platform/printElectron';
import { createReceiptPrinter, pdfFileName } from '../../../src/main/platform/printReceipt';

/** Electron's WebContents as the edge file names it (tests may not import electron). */
type WebContents = NonNullable<ReturnType<Parameters<typeof createElectronPrintSurface>[0]>>;

interface StandIn {
  readonly printOptions: unknown[];
  readonly pdfOptions: unknown[];
  destroyed: boolean;
}

/** The two webContents methods printing uses, answering as Electron does. */
function standIn(answer: { printed: boolean; failure: string }): { contents: WebContents; seen: StandIn } {
  const seen: StandIn = { printOptions: [], pdfOptions: [], destroyed: false };
  const contents = {
    isDestroyed: () => seen.destroyed,
    print: (options: unknown, callback: (printed: boolean, failure: string) => void) => {
      seen.printOptions.push(options);
      setTimeout(() => callback(answer.printed, answer.failure), 1);
    },
    printToPDF: async (options: unknown) => {
      seen.pdfOptions.push(options);
      return Buffer.from('%PDF-1.7 receipt');
    },
  } as unknown as WebContents;
  return { contents, seen };
}

describe('receipt printing', () => {
  it('opens the system print dialog (not silent) and reports a printed page', async () => {
    const { contents, seen } = standIn({ printed: true, failure: '' });
    const printer = createReceiptPrinter(createElectronPrintSurface(() => contents));
    expect(await printer.toPrinter()).toEqual({ ok: true, value: { printed: true } });
    expect(seen.printOptions).toEqual([expect.objectContaining({ silent: false })]);
  });

  it('takes a closed dialog as nothing printed, not as an error', async () => {
    const { contents } = standIn({ printed: false, failure: 'Print job canceled' });
    const printer = createReceiptPrinter(createElectronPrintSurface(() => contents));
    expect(await printer.toPrinter()).toEqual({ ok: true, value: { printed: false } });
  });

  it('reports a printer failure in words', async () => {
    const { contents } = standIn({ printed: false, failure: 'Print job failed' });
    const result = await createReceiptPrinter(createElectronPrintSurface(() => contents)).toPrinter();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('打印失败：Print job failed');
  });

  it('makes an A4 PDF with a file name Windows accepts', async () => {
    const { contents, seen } = standIn({ printed: true, failure: '' });
    const result = await createReceiptPrinter(createElectronPrintSurface(() => contents)).toPdf(
      '回执 WD:0001/退货?',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.fileName).toBe('回执 WD-0001-退货-.pdf');
    expect(new TextDecoder().decode(result.value.bytes)).toBe('%PDF-1.7 receipt');
    expect(seen.pdfOptions).toEqual([expect.objectContaining({ pageSize: 'A4' })]);
  });

  it('says it cannot print when the window is gone or there is none', async () => {
    const { contents, seen } = standIn({ printed: true, failure: '' });
    seen.destroyed = true;
    const closed = await createReceiptPrinter(createElectronPrintSurface(() => contents)).toPrinter();
    expect(closed).toMatchObject({ ok: false, error: { message: '打印失败：窗口已关闭' } });
    const none = await createReceiptPrinter(undefined).toPdf('x');
    expect(none.ok).toBe(false);
    expect(pdfFileName('  ')).toBe('回执.pdf');
  });
});
