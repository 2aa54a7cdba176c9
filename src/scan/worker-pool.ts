import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundle } from '../../bin/bundle.js';
import { warmKernel } from './kernel-scanner.ts';
import { takeFreePages } from './key-set.ts';
import { countTransferList, runScanJob, type ScanJob, type ScanJobResult } from './run-scan-job.ts';
import { getKernelModule } from './scan-kernel-module.ts';
import type { CountSet } from './scan-tally.ts';

type WorkerReply =
  | { id: number; type: 'progress'; bytes: number }
  | { id: number; type: 'done'; result: ScanJobResult }
  | { id: number; type: 'error'; message: string; code?: string };

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
    else if (/^(--import|--loader|--experimental-loader|--require)=/.test(flag)) continue;
    // V8 flags of the whole process (a profiler's --perf-prof, the heap's size limits) are refused by a worker's
    // constructor.
    else if (
      !/^--(perf_|interpreted_frames_native_stack|max_old_space_size|max_semi_space_size)/.test(v8Name(flag))
    )
      out.push(flag);
  }
  return out;
}

/** A flag as V8 reads it, dashes and underscores alike (--max-old-space-size is --max_old_space_size). */
function v8Name(flag: string): string {
  const name = flag.split('=')[0]!;
  return name.slice(0, 2) + name.slice(2).replaceAll('-', '_');
}

function startWorker(code: string | null): Worker {
  const workerData = { kernel: getKernelModule() };
  if (code) return new Worker(new URL(code), { execArgv: flagsWithoutLoaders(), workerData });
  return new Worker(tsxBootstrap(), { eval: true, workerData });
}

/**
 * Free key pages (64 KiB) handed to a worker with a job, about what a part of 64 MiB codes its keys on; fewer for
 * less (a small file's keys fit on no page: a run's last block has a buffer of its own size).
 */
const pagesPerJob = 48;
function pagesFor(job: ScanJob): number {
  const bytes =
    job.kind === 'range'
      ? job.task.end - job.task.start
      : job.kind === 'files'
        ? job.files.reduce((n, f) => n + f.size, 0)
        : 0;
  return Math.min(pagesPerJob, Math.floor((bytes / (64 << 20)) * pagesPerJob));
}

/**
 * Jobs a worker is given at once: the next one waits in its queue, so it starts as soon as the worker is done,
 * even while this thread is busy merging what another worker found (the worker's reply waits for that).
 */
const jobsPerWorker = 2;

/**
 * Runs scan jobs on `size` worker threads (as many as scanPaths takes: see defaultThreads), and in this thread too when `here` is set (a
 * command's, which has nothing else to do; never a server's, whose requests would wait on the scan), or only in this
 * thread when `size` is 0. Jobs queue and go to this thread when it is free, else to the least busy worker, up to
 * jobsPerWorker each. Workers left without queued work are ended at once but one, so their memory (read buffer,
 * WebAssembly memory, heap) is returned while this thread merges what they found; should more work come, new
 * workers start for it. The one left counts keys beside this thread at the end (countElsewhere).
 */
export class WorkerPool {
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  /** Each worker's jobs, by id, in the order given. */
  private readonly jobs = new Map<Worker, Map<number, Pending>>();
  private nextId = 1;
  private code: string | null = null;
  private ready = false;
  /** Whether this thread is running a job (see here). */
  private busyHere = false;

  private readonly started: Promise<void>;

  constructor(
    readonly size: number,
    readonly here = false,
  ) {
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
      // While the workers start, this thread has the kernel's scan loop compiled for them (see warmKernel); when it
      // scans too, its own first part starts on compiled code (a command on 300 MB: 2.4 % faster than without).
      warmKernel();
    });
  }

  private spawn(): void {
    const worker = startWorker(this.code);
    const jobs = new Map<number, Pending>();
    worker.on('message', (reply: WorkerReply) => this.reply(worker, reply));
    // A worker that fails, or ends with jobs unfinished (ended by close), fails them and takes no more.
    const fail = (error: Error) => {
      const failed = [...jobs.values()];
      jobs.clear();
      if (this.all.includes(worker)) this.all.splice(this.all.indexOf(worker), 1);
      this.jobs.delete(worker);
      for (const job of failed) job.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('scan worker ended')));
    worker.unref();
    this.all.push(worker);
    this.jobs.set(worker, jobs);
  }

  run(job: ScanJob, onBytes: (bytes: number) => void): Promise<ScanJobResult> {
    if (this.size === 0) return runScanJob(job, onBytes);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, onBytes, resolve, reject });
      this.dispatch();
    });
  }

  private load(worker: Worker): number {
    return this.jobs.get(worker)?.size ?? 0;
  }

  private dispatch(): void {
    if (this.ready && this.here && !this.busyHere && this.queue.length > 0) this.runHere(this.queue.shift()!);
    if (this.ready) {
      const idle = this.all.filter((w) => this.load(w) === 0).length;
      for (let k = idle; this.all.length < this.size && k < this.queue.length; k++) this.spawn();
    }
    // Idle workers first, then a second job for each.
    for (let depth = 0; depth < jobsPerWorker; depth++) {
      for (const worker of this.all) {
        if (this.queue.length === 0) return;
        if (this.load(worker) !== depth) continue;
        this.post(worker, this.queue.shift()!);
      }
    }
  }

  private post(worker: Worker, pending: Pending): void {
    const id = this.nextId++;
    this.jobs.get(worker)!.set(id, pending);
    worker.ref();
    if (pending.job.kind === 'count') {
      worker.postMessage({ id, job: pending.job }, countTransferList(pending.job.sets));
      return;
    }
    // Pages this thread's merges have freed go with the job, for the worker to write its keys on.
    const pages = takeFreePages(pagesFor(pending.job));
    worker.postMessage({ id, job: pending.job, pages }, pages);
  }

  /**
   * Counts key sets on a worker that has nothing to do, their blocks transferred there and back (see
   * ScanTally.count); null when every worker is busy (or none runs).
   */
  countElsewhere(sets: CountSet[]): Promise<{ counts: number[]; sets: CountSet[] }> | null {
    const worker = this.all.find((w) => this.load(w) === 0);
    if (!worker) return null;
    return new Promise((resolve, reject) => {
      this.post(worker, {
        job: { kind: 'count', sets },
        onBytes: () => {},
        resolve: (r) => {
          if (r.kind === 'count') resolve(r);
          else reject(new Error('unexpected job result'));
        },
        reject,
      });
    });
  }

  /**
   * Runs a job in this thread, once the workers have started (a job here holds the thread until it ends, and with
   * it the workers' start) and the jobs queued with this one have gone to them.
   */
  private runHere(pending: Pending): void {
    this.busyHere = true;
    setImmediate(() => {
      runScanJob(pending.job, pending.onBytes)
        .then(pending.resolve, pending.reject)
        .finally(() => {
          this.busyHere = false;
          this.dispatch();
          if (this.queue.length === 0) this.retireIdle();
        });
    });
  }

  private reply(worker: Worker, reply: WorkerReply): void {
    const jobs = this.jobs.get(worker);
    const pending = jobs?.get(reply.id);
    if (!jobs || !pending) return;
    if (reply.type === 'progress') {
      pending.onBytes(reply.bytes);
      return;
    }
    jobs.delete(reply.id);
    if (jobs.size === 0) worker.unref();
    if (reply.type === 'done') pending.resolve(reply.result);
    else pending.reject(Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {}));
    this.dispatch();
    if (this.queue.length === 0) this.retireIdle();
  }

  /** Ends idle workers but one, which stays to count keys beside this thread (see countElsewhere). */
  private retireIdle(): void {
    const idle = this.all.filter((w) => this.load(w) === 0);
    if (idle.length === this.all.length) idle.shift();
    for (const worker of idle) {
      this.all.splice(this.all.indexOf(worker), 1);
      this.jobs.delete(worker);
      void worker.terminate();
    }
  }

  async close(): Promise<void> {
    await this.started;
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
