import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runScanJob, type ScanJob, type ScanJobResult } from './run-scan-job.ts';

type WorkerReply =
  | { id: number; type: 'progress'; bytes: number }
  | { id: number; type: 'done'; result: ScanJobResult }
  | { id: number; type: 'error'; message: string };

type Pending = {
  job: ScanJob;
  onBytes: (bytes: number) => void;
  resolve: (r: ScanJobResult) => void;
  reject: (e: Error) => void;
};

// The sources are TypeScript run by tsx (bin/incydent.js, vitest); a worker thread starts without the parent's
// loader, so it registers tsx itself before importing the worker module.
function bootstrapCode(): string {
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  const workerUrl = new URL('./scan-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); });`;
}

/**
 * Runs scan jobs on `size` worker threads (all cores by default), or in this thread when `size` is 0. Jobs queue
 * and go to the next free worker.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 1;

  constructor(readonly size: number) {
    if (size === 0) return;
    const code = bootstrapCode();
    for (let k = 0; k < size; k++) {
      const worker = new Worker(code, { eval: true });
      worker.on('message', (reply: WorkerReply) => this.reply(worker, reply));
      worker.on('error', (error) => {
        const job = this.running.get(worker);
        this.running.delete(worker);
        job?.reject(error);
      });
      worker.unref();
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  run(job: ScanJob, onBytes: (bytes: number) => void): Promise<ScanJobResult> {
    if (this.size === 0) return runScanJob(job, onBytes);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, onBytes, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.ref();
      worker.postMessage({ id: this.nextId++, job: pending.job });
    }
  }

  private reply(worker: Worker, reply: WorkerReply): void {
    const pending = this.running.get(worker);
    if (!pending) return;
    if (reply.type === 'progress') {
      pending.onBytes(reply.bytes);
      return;
    }
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (reply.type === 'done') pending.resolve(reply.result);
    else pending.reject(new Error(reply.message));
    this.dispatch();
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
