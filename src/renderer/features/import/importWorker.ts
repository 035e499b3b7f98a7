/**
 * The Web Worker that imports a spreadsheet, so parsing a large file never freezes the window. It runs the
 * shared pipeline, posts progress by phase, and builds the error report while it still holds the sheet.
 * Cancelling: the dialog terminates the worker, or posts {type: 'cancel'}, which is seen between chunks.
 */
import { getSpec } from '../../../shared/documents';
import { buildErrorReport, importSpreadsheet } from '../../../shared/import';
import type { FromWorker, ImportJob, ToWorker } from './importProtocol';
import { WORKER_FAILED_MESSAGE } from './workerWatch';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let running: AbortController | null = null;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function runJob(job: ImportJob): Promise<void> {
  // The catalog is imported into no document: its columns are fixed (see catalogColumns.ts).
  const spec = job.target === 'catalog' ? undefined : getSpec(job.method);
  if (spec === undefined && job.target !== 'catalog') {
    post({ type: 'failed', message: `不支持的接口：${job.method}` });
    return;
  }
  const controller = new AbortController();
  running = controller;
  try {
    const bytes = job.bytes instanceof Uint8Array ? job.bytes : new Uint8Array(job.bytes);
    const { result, sheet } = await importSpreadsheet({
      bytes,
      fileName: job.fileName,
      spec,
      target: job.target,
      lineQuantities: job.lines,
      choices: job.choices,
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    const hasRowProblems = result.problems.some((problem) => problem.row !== null);
    const report = sheet !== null && hasRowProblems ? buildErrorReport(spec, sheet, result) : null;
    post({ type: 'done', result, report }, report === null ? [] : [report.buffer]);
  } catch (error) {
    if (controller.signal.aborted) post({ type: 'cancelled' });
    else post({ type: 'failed', message: failureMessage(error) });
  } finally {
    running = null;
  }
}

/** Out of memory surfaces as a RangeError ("Array buffer allocation failed", "Invalid string length"). */
function failureMessage(error: unknown): string {
  if (error instanceof RangeError) return WORKER_FAILED_MESSAGE;
  return `导入时出错：${error instanceof Error ? error.message : String(error)}`;
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    running?.abort();
    return;
  }
  void runJob(message);
};
