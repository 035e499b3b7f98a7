/**
 * Runs one import in a fresh Web Worker and tracks it as state for the dialog. Cancel terminates the
 * worker at once (the pipeline may be inside SheetJS, which no message can interrupt).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  MAX_FILE_BYTES,
  type ColumnChoices,
  type ImportProgress,
  type ImportResult,
  type ImportTarget,
  type LineQuantity,
} from '../../../shared/import';
import type { FromWorker, ImportJob } from './importProtocol';
import { watchWorker, WORKER_FAILED_MESSAGE, type WorkerWatch } from './workerWatch';

export type ImportJobState =
  | { readonly status: 'idle'; readonly note?: string }
  | { readonly status: 'running'; readonly fileName: string; readonly progress: ImportProgress }
  | {
      readonly status: 'done';
      readonly fileName: string;
      readonly result: ImportResult;
      readonly report: Uint8Array | null;
    }
  | { readonly status: 'failed'; readonly fileName: string; readonly message: string };

interface ImportJobOptions {
  readonly method: string;
  readonly target: ImportTarget;
  readonly lines?: readonly LineQuantity[];
}

export function useImportJob(options: ImportJobOptions) {
  const [state, setState] = useState<ImportJobState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const watch = useRef<WorkerWatch | null>(null);

  const stop = useCallback(() => {
    watch.current?.dispose();
    watch.current = null;
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    async (file: File, choices?: ColumnChoices) => {
      stop();
      const fileName = file.name;
      // Checked here too so a huge file is not even loaded into memory.
      if (file.size > MAX_FILE_BYTES) {
        const size = (file.size / 1024 / 1024).toFixed(1);
        setState({
          status: 'failed',
          fileName,
          message: `文件大小 ${size} MB，超过 50 MB 的上限，请拆分后再导入`,
        });
        return;
      }
      setState({ status: 'running', fileName, progress: { phase: 'reading', done: 0, total: 0 } });
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        setState({ status: 'failed', fileName, message: '无法读取文件，请确认文件没有被其他程序占用' });
        return;
      }
      let job: Worker;
      try {
        job = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
      } catch {
        setState({ status: 'failed', fileName, message: WORKER_FAILED_MESSAGE });
        return;
      }
      worker.current = job;
      const onMessage = (message: FromWorker): void => {
        if (worker.current !== job) return;
        switch (message.type) {
          case 'progress':
            setState({ status: 'running', fileName, progress: message.progress });
            return;
          case 'done':
            setState({ status: 'done', fileName, result: message.result, report: message.report });
            break;
          case 'cancelled':
            setState({ status: 'idle', note: '已取消导入' });
            break;
          case 'failed':
            setState({ status: 'failed', fileName, message: message.message });
            break;
        }
        stop();
      };
      // A worker that throws, sends what cannot be read, or goes silent (stuck, or killed) is reported.
      watch.current = watchWorker(job, {
        onMessage,
        onFailure: (message) => {
          if (worker.current !== job) return;
          setState({ status: 'failed', fileName, message });
          stop();
        },
      });
      const request: ImportJob = {
        bytes,
        fileName,
        method: options.method,
        target: options.target,
        lines: options.lines,
        choices,
      };
      job.postMessage(request, [bytes]);
    },
    [options.method, options.target, options.lines, stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'idle', note: '已取消导入' });
  }, [stop]);

  const reset = useCallback(() => {
    stop();
    setState({ status: 'idle' });
  }, [stop]);

  return { state, start, cancel, reset };
}
