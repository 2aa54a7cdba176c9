// Builds the scan kernel (assembly/scan-kernel.ts, AssemblyScript) into build/scan-kernel.wasm: `npm run build:kernel`,
// run by `npm install` too. The source marks the functions to compile into their callers with a line `// @inline`
// before them, which this build reads as AssemblyScript's `@inline` decorator: the decorator itself on a function
// is not TypeScript, and Biome, which lints and formats the source as TypeScript, would refuse the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = ['assembly/scan-kernel.ts', '-o', 'build/scan-kernel.wasm'];
const options = ['-O3', '--runtime', 'minimal', '--noAssert', '--enable', 'simd'];

const { error } = await asc.main([...args, ...options, ...process.argv.slice(2)], {
  stdout: process.stdout,
  stderr: process.stderr,
  async readFile(name, baseDir) {
    const text = await readFile(path.resolve(root, baseDir, name), 'utf8').catch(() => null);
    return text?.replace(/^\/\/ @inline$/gm, '@inline') ?? null;
  },
});
if (error) {
  console.error(`scan kernel: ${error.message}`);
  process.exitCode = 1;
}
