/**
 * The barcodes people typed or scanned where a spec_no belongs, remembered per document so the grid can show
 * "条码 6901234567892" beside the spec_no it became. Renderer state only: the document (and so the ERP and
 * the draft) holds the spec_no alone. Keyed by spec_no rather than by row, so inserting, deleting or sorting
 * rows never shows a barcode on the wrong line; a spec_no scanned as two barcodes shows the last one.
 */
import { useSyncExternalStore } from 'react';

const byDocument = new Map<string, Map<string, string>>();
const listeners = new Set<() => void>();
let version = 0;

export function rememberBarcode(method: string, specNo: string, barcode: string): void {
  let memory = byDocument.get(method);
  if (!memory) byDocument.set(method, (memory = new Map()));
  if (memory.get(specNo) === barcode) return;
  memory.set(specNo, barcode);
  version += 1;
  for (const listener of listeners) listener();
}

export function barcodeFor(method: string, specNo: string): string | undefined {
  return byDocument.get(method)?.get(specNo.trim());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentVersion(): number {
  return version;
}

export function useBarcodeMemoryVersion(): number {
  return useSyncExternalStore(subscribe, currentVersion, currentVersion);
}
