import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundle } from '../../bin/bundle.js';
import { runScanJob, type ScanJob, type ScanJobResult } from './run-scan-job.ts';
import { getKernelModule } from './scan-kernel-module.ts';

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

// A worker thread starts without its parent's loader (vitest's, or tsx's when the command falls back to it): it runs
// its entry compiled by esbuild as the `incydent` command runs its own (bin/bundle.js: kept in node_modules/.cache,
// rebuilt when a source changes), about 30 ms a worker. Should esbuild be unavailable, workers register tsx (half a
// second and a compiler each).
let bundled: Promise<string | null> | null = null;

async function bundleWorker(): Promise<string | null> {
  const file = await bundle('src/scan/scan-worker.ts', 'scan-worker');
  return file ? pathToFileURL(file).href : null;
}

function tsxBootstrap(): string {
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  const workerUrl = new URL('./scan-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); });`;
}

// Workers inherit the parent's flags, `--import tsx` among them, which would load tsx in every worker again.
function flagsWithoutLoaders(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k]!;
    if (/^(--import|--loader|--experimental-loader|--require|-r)$/.test(flag)) k++;
    else if (!/^(--import|--loader|--experimental-loader|--require)=/.test(flag)) out.push(flag);
  }
  return out;
}

function startWorker(code: string | null): Worker {
  const workerData = { kernel: getKernelModule() };
  if (code) return new Worker(new URL(code), { execArgv: flagsWithoutLoaders(), workerData });
  return new Worker(tsxBootstrap(), { eval: true, workerData });
}

/**
 * Runs scan jobs on `size` worker threads (all cores by default), or in this thread when `size` is 0. Jobs queue
 * and go to the next free worker. Workers left without queued work are ended at once, so their memory (read
 * buffer, WebAssembly memory, heap) is returned while this thread merges what they found; should more work come,
 * new workers start for it.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 1;
  private code: string | null = null;
  private ready = false;

  private readonly started: Promise<void>;

  constructor(readonly size: number) {
    if (size === 0) {
      this.started = Promise.resolve();
      return;
    }
    bundled ??= bundleWorker();
    this.started = bundled.then((code) => {
      this.code = code;
      this.ready = true;
      for (let k = 0; k < size; k++) this.spawn();
      this.dispatch();
    });
  }

  private spawn(): void {
    const worker = startWorker(this.code);
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

  run(job: ScanJob, onBytes: (bytes: number) => void): Promise<ScanJobResult> {
    if (this.size === 0) return runScanJob(job, onBytes);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, onBytes, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.ready) while (this.all.length < this.size && this.idle.length < this.queue.length) this.spawn();
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
    if (this.queue.length === 0) this.retireIdle();
  }

  private retireIdle(): void {
    for (const worker of this.idle.splice(0)) {
      this.all.splice(this.all.indexOf(worker), 1);
      void worker.terminate();
    }
  }

  async close(): Promise<void> {
    await this.started;
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
