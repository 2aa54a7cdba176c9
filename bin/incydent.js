#!/usr/bin/env node
// Entry point of the `incydent` command. The sources are TypeScript: they run compiled by esbuild into one module
// that is rebuilt whenever a source changes (see bundle.js), or, should that be impossible, compiled on load by tsx.
// Either way a fresh clone runs without a build step and the command never runs stale code.
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.js';

// Output piped into a reader that stops early (`incydent scan --help | head`) ends the command quietly, as other
// command-line tools do, rather than with a stack trace for the closed pipe.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const built = await bundle('src/cli/main.ts', 'cli');
let main;
if (built) {
  ({ main } = await import(pathToFileURL(built).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
const argv = process.argv.slice(2);
if (argv[0] === 'scan') {
  let code = 1;
  try {
    code = await main(argv);
  } catch (error) {
    console.error(error);
  }
  await endScan(code);
} else {
  process.exitCode = await main(argv);
}

/**
 * Ends a scan's process as soon as its output is out, an unexpected error included. Left to end by itself, Node
 * waits at exit for the JavaScript compiler's background jobs, queued ones too, and a job that needs a garbage
 * collection then waits for this thread, which waits for it: a deadlock of Node 20 (nodejs/node#54918), seen here on
 * about one scan in twenty-five on eight threads, which then ran on forever, its result written and its threads
 * asleep. process.exit drops the queued jobs, but still waits for one already running, so the hang is rarer, not
 * gone: the server, which runs this command, is told the result is complete (a `done` message) and ends a process
 * that lingers (src/server/scan-process.ts).
 */
async function endScan(code) {
  const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  if (process.env.INCYDENT_SCAN_PROGRESS === 'ipc' && process.connected) {
    await new Promise((resolve) => process.send({ type: 'done', code }, resolve));
  }
  process.exit(code);
}
