/** Saves bytes from main as a file the browser way: the renderer has no file system of its own. */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function saveBytesAs(fileName: string, bytes: Uint8Array, type = XLSX_TYPE): void {
  // Copy into a fresh ArrayBuffer-backed array: Blob wants ArrayBuffer, and the IPC copy may be a view.
  const blob = new Blob([new Uint8Array(bytes)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: Chromium starts the download from the click, after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
