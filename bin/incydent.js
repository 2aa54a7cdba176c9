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
process.exitCode = await main(process.argv.slice(2));
