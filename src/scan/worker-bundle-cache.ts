import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Bundling the worker costs about 130 ms per process, a quarter of a scan of 300 MB; the bundle is kept on disk
// with the size and modification time of every source it was built from (and of npm's record of installed
// packages, which it imports by path), and used again only while all of them are unchanged.
const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = path.join(root, 'node_modules', '.cache', 'incydent');
// Named after the checkout: worktrees may share one node_modules (a symbolic link), never one bundle.
const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
const codeFile = path.join(cacheDir, `scan-worker-${checkout}.mjs`);
const manifestFile = path.join(cacheDir, `scan-worker-${checkout}.json`);
const installed = path.join(root, 'node_modules', '.package-lock.json');

type Stamp = { file: string; size: number; mtimeMs: number };

async function stampOf(file: string): Promise<Stamp> {
  const s = await stat(file);
  return { file, size: s.size, mtimeMs: s.mtimeMs };
}

/** The cached bundle, when every file it was built from is as it was. */
export async function readCachedBundle(): Promise<string | null> {
  try {
    const stamps = JSON.parse(await readFile(manifestFile, 'utf8')) as Stamp[];
    const now = await Promise.all(stamps.map((s) => stampOf(s.file)));
    if (now.some((s, k) => s.size !== stamps[k]!.size || s.mtimeMs !== stamps[k]!.mtimeMs)) return null;
    return await readFile(codeFile, 'utf8');
  } catch {
    return null;
  }
}

/** Keeps a bundle and the stamps of its sources (paths relative to the working directory, as esbuild gives them). */
export async function writeCachedBundle(code: string, inputs: readonly string[]): Promise<void> {
  try {
    const files = [...inputs.map((p) => path.resolve(p)), installed];
    const stamps = await Promise.all(files.map(stampOf));
    await mkdir(cacheDir, { recursive: true });
    await writeFile(codeFile, code);
    await writeFile(manifestFile, JSON.stringify(stamps));
  } catch {
    // No cache (read-only install, no npm record): the next process bundles again.
  }
}
