/**
 * A server's leak analysis runs in a child process of its own: `incydent scan --json --list`, as a DPO would run it
 * on the command line. The scan's memory (key sets, the people list of a large carrier) and its merges and counts
 * are then the child's: a carrier too large ends that process with a message, never the server, and the server's
 * requests never wait for a scan's work on its own thread. The child runs at a lower priority, so that on a busy
 * machine the server's requests come first. Progress comes over the IPC channel (see scan.command.ts).
 */
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../domain/language.ts';
import type { ScanProgress, ScanResult } from '../scan/scan-paths.ts';

const incydent = fileURLToPath(new URL('../../bin/incydent.js', import.meta.url));

/**
 * How long a scan process may go on after it said its result is complete (a `done` message, sent once its output
 * is out) before it is ended: Node 20 can deadlock at exit (nodejs/node#54918; see bin/incydent.js), and a result
 * in hand must not wait on that.
 */
const lingerMs = 5000;

/** Why a scan process did not give a result, in both languages (it is stored, and read by whoever opens it). */
export class ScanProcessError extends Error {}

export const interrupted = 'przerwana: serwer został zatrzymany / interrupted: the server stopped';

export type ScanProcess = { result: Promise<ScanResult>; stop(): void };

export function startScanProcess(options: {
  /** Paths relative to `cwd`: the result and the people list name files as the DPO knows them. */
  cwd: string;
  paths: string[];
  asOf: string;
  lang: Lang;
  listFile: string;
  onProgress: (progress: ScanProgress) => void;
  /** The command run (bin/incydent.js); tests name one of their own. */
  command?: string;
}): ScanProcess {
  const child = fork(
    options.command ?? incydent,
    [
      'scan',
      '--json',
      '--as-of',
      options.asOf,
      '--lang',
      options.lang,
      '--list',
      options.listFile,
      '--',
      ...options.paths,
    ],
    {
      cwd: options.cwd,
      // Not the server's own flags (a test runner's loaders, say): the command compiles its sources itself.
      execArgv: [],
      env: { ...process.env, INCYDENT_SCAN_PROGRESS: 'ipc' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, 10);
    } catch {
      // Not allowed here: it runs at the server's priority.
    }
  }
  let stopped = false;
  /** The exit code the command said it ends with, once its output is complete. */
  let done: number | null = null;
  const out: Buffer[] = [];
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString('utf8')).slice(-4000);
  });
  child.on('message', (message: { type?: string; progress?: ScanProgress; code?: number }) => {
    if (message?.type === 'progress' && message.progress) options.onProgress(message.progress);
    if (message?.type === 'done' && typeof message.code === 'number') {
      done = message.code;
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, lingerMs).unref();
    }
  });
  const result = new Promise<ScanResult>((resolve, reject) => {
    child.on('error', (error) => reject(new ScanProcessError(`${error.message}`)));
    child.on('close', (code, signal) => {
      // Once it said how it ends, that is its exit code, even if it had to be ended (see lingerMs).
      const exitCode = done !== null && !stopped ? done : code;
      if (exitCode === 0) {
        try {
          resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as ScanResult);
        } catch {
          reject(new ScanProcessError('analiza nie zwróciła wyniku / the scan gave no result'));
        }
        return;
      }
      reject(new ScanProcessError(failure(exitCode, exitCode === null ? signal : null, err, stopped)));
    });
  });
  return {
    result,
    stop() {
      stopped = true;
      child.kill('SIGTERM');
    },
  };
}

/** What a DPO reads when the scan process ended without a result. */
function failure(code: number | null, signal: string | null, stderr: string, stopped: boolean): string {
  if (stopped) return interrupted;
  if (/heap out of memory|Allocation failed/i.test(stderr)) {
    return 'zabrakło pamięci na tę analizę; podziel nośnik na mniejsze foldery albo uruchom incydent scan na komputerze z większą pamięcią / out of memory for this scan: split the carrier into smaller folders, or run incydent scan on a machine with more memory';
  }
  // A message the command gave (exit code 2: bad arguments, a path gone): its last line, without the command name.
  const said = stderr
    .trim()
    .split('\n')
    .at(-1)
    ?.replace(/^scan: /, '');
  if (code === 2 && said) return said;
  return `analiza przerwana (${signal ?? `kod ${code}`}) / the scan ended without a result (${signal ?? `code ${code}`})`;
}
