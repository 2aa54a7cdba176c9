// Runs a TypeScript entry the way the `incydent` command runs its sources: compiled by esbuild (bin/bundle.js),
// without tsx, so a benchmark measures what users run. Usage: node bench/bundled.mjs bench/x.ts [args…]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from '../bin/bundle.js';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node bench/bundled.mjs ENTRY.ts [ARGS…]');
const file = await bundle(entry, path.basename(entry, '.ts'));
if (!file) throw new Error(`esbuild could not compile ${entry}`);
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(file).href);
