// Entry of a scan worker thread (see worker-pool.ts): runs jobs posted by the main thread and posts back progress
// and results; the key sets travel as transferred buffers.
import { parentPort, workerData } from 'node:worker_threads';
import { addFreePages } from './key-set.ts';
import { jobTransferList, runScanJob, type ScanJob } from './run-scan-job.ts';
import { setKernelModule } from './scan-kernel-module.ts';

// The compiled kernel comes from the main thread (a WebAssembly.Module crosses threads without a copy).
setKernelModule((workerData as { kernel?: WebAssembly.Module | null } | null)?.kernel ?? null);

const port = parentPort;
if (port) {
  port.on('message', (message: { id: number; job: ScanJob; pages?: ArrayBuffer[] }) => {
    addFreePages(message.pages ?? []);
    let pending = 0;
    let lastPost = Date.now();
    const onBytes = (bytes: number) => {
      pending += bytes;
      const now = Date.now();
      if (now - lastPost >= 100) {
        port.postMessage({ id: message.id, type: 'progress', bytes: pending });
        pending = 0;
        lastPost = now;
      }
    };
    runScanJob(message.job, onBytes).then(
      (result) => {
        if (pending > 0) port.postMessage({ id: message.id, type: 'progress', bytes: pending });
        port.postMessage({ id: message.id, type: 'done', result }, jobTransferList(result));
      },
      (error: unknown) => {
        port.postMessage({
          id: message.id,
          type: 'error',
          message: error instanceof Error ? error.message : 'error',
          // A file system's error (EIO, ENOENT: a failing carrier, a file gone mid-scan) keeps its code, so that the
          // file is listed as unreadable rather than the scan failing.
          code: (error as NodeJS.ErrnoException | null)?.code,
        });
      },
    );
  });
}
