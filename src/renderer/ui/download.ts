/** Saves bytes as a file the browser way (a Blob URL on an <a download>): the renderer has no file system. */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function saveBytesAs(fileName: string, bytes: Uint8Array, type = XLSX_TYPE): void {
  // Copy into a fresh ArrayBuffer-backed array: Blob wants ArrayBuffer, and bytes from IPC may be a view.
  const blob = new Blob([new Uint8Array(bytes)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
