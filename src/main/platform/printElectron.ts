/**
 * The Electron edge of printing: the main window's webContents.print (the system dialog, so the clerk picks
 * the printer) and printToPDF. Everything else is in printReceipt.ts.
 */
import type { WebContents } from 'electron';
import type { PrintSurface } from './printReceipt';

/** `contents` is read at each call: the window is created after the core that holds the printer. */
export function createElectronPrintSurface(contents: () => WebContents | undefined): PrintSurface {
  const current = (): WebContents => {
    const found = contents();
    if (found === undefined || found.isDestroyed()) throw new Error('窗口已关闭');
    return found;
  };
  return {
    print: () =>
      new Promise((resolve, reject) => {
        try {
          current().print({ silent: false, printBackground: false }, (printed, failure) =>
            resolve(printed ? { printed } : { printed, failure }),
          );
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    printToPdf: async () =>
      new Uint8Array(
        await current().printToPDF({ pageSize: 'A4', printBackground: false, preferCSSPageSize: true }),
      ),
  };
}
