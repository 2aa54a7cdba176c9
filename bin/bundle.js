// The sources are TypeScript. Rather than compiling them on every start (tsx, which also runs its loader in a
// thread of its own: ~30 MB and a second or so of each command's start), an entry and every source it imports are
// compiled by esbuild into ES modules (the entry, and a chunk for each module it loads with `import()`), kept in
// node_modules/.cache/incydent with the size and modification time of each source they were built from (and of npm's
// record of installed packages), and used again only while all of them are unchanged: a fresh clone needs no build
// step and never runs stale code. Packages stay outside the bundle,
// imported by absolute URL from node_modules, and each source's `import.meta.url` stays its own file's URL, so paths
// worked out from it (the web app, fonts, the scan kernel) are the same as when the sources run directly.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cacheDir = path.join(root, 'node_modules', '.cache', 'incydent');
// Named after the checkout: worktrees may share one node_modules (a symbolic link), never one bundle.
const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
const installed = path.join(root, 'node_modules', '.package-lock.json');

/** @typedef {{ file: string; size: number; mtimeMs: number }} Stamp */

/** @param {string} file @returns {Promise<Stamp>} */
async function stampOf(file) {
  const s = await stat(file);
  return { file, size: s.size, mtimeMs: s.mtimeMs };
}

/** @param {Stamp[]} stamps @returns {Promise<boolean>} whether every file a bundle was built from is as it was */
async function isFresh(stamps) {
  try {
    const now = await Promise.all(stamps.map((s) => stampOf(s.file)));
    return now.every((s, k) => s.size === stamps[k].size && s.mtimeMs === stamps[k].mtimeMs);
  } catch {
    return false;
  }
}

/** Writes through a temporary file and a rename, so a process reading the cache never sees half a file. */
async function writeWhole(file, text) {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** @type {import('esbuild').Plugin} */
const keepPackagesAndUrls = {
  name: 'incydent-sources',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === 'inner') return undefined;
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'inner',
      });
      if (found.errors.length > 0 || found.external) return undefined;
      return { path: pathToFileURL(found.path).href, external: true };
    });
    // This module stays outside too (the scan's worker pool imports it): compiled in, it would rewrite its own text.
    build.onResolve({ filter: /\/bin\/bundle\.js$/ }, (args) => ({
      path: pathToFileURL(path.resolve(args.resolveDir, args.path)).href,
      external: true,
    }));
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return {
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

/** Whether a process runs (EPERM: it runs as another user). */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === 'EPERM';
  }
}

/** Removes the marks of ended processes from a build; tells whether a running process still uses it. */
async function dropEndedMarks(dir) {
  let used = false;
  for (const mark of (await readdir(dir).catch(() => [])).filter((f) => f.startsWith('.in-use-'))) {
    if (isAlive(Number(mark.slice('.in-use-'.length)))) used = true;
    else await rm(path.join(dir, mark), { force: true });
  }
  return used;
}

/**
 * Marks a build as used by this process: a running server loads chunks from it long after its start (a document's
 * renderer, say), so no other process may remove it meanwhile. Marks of ended processes go at the same time.
 */
async function markInUse(dir) {
  await dropEndedMarks(dir);
  await writeFile(path.join(dir, `.in-use-${process.pid}`), '').catch(() => {});
}

/** Removes this bundle's earlier builds that no running process uses. */
async function pruneOld(prefix, keep) {
  const hour = 3600 * 1000;
  for (const entry of await readdir(cacheDir).catch(() => [])) {
    if (!entry.startsWith(prefix) || entry === keep) continue;
    const dir = path.join(cacheDir, entry);
    if (await dropEndedMarks(dir)) continue;
    // A build younger than an hour may belong to a process that has not marked it yet.
    const s = await stat(dir).catch(() => null);
    if (s?.isDirectory() && Date.now() - s.mtimeMs > hour) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The bundle of `entry` (a path in this checkout, e.g. 'src/cli/main.ts') under `name`: the file to import, from the
 * cache when fresh, else built now (and kept). Modules the entry imports with `import()` stay in chunks of their
 * own, loaded when first imported, so a command loads only what it uses. Null when esbuild is missing or fails;
 * the caller then compiles the sources on load.
 * @param {string} entry
 * @param {string} name
 * @returns {Promise<string | null>}
 */
export async function bundle(entry, name) {
  const prefix = `${name}-${checkout}-`;
  const manifest = path.join(cacheDir, `${name}-${checkout}.json`);
  try {
    const known = JSON.parse(await readFile(manifest, 'utf8'));
    if (await isFresh(known.stamps)) {
      await markInUse(path.join(cacheDir, known.dir));
      return path.join(cacheDir, known.dir, 'entry.js');
    }
  } catch {
    // No bundle yet, or one from older sources: build it.
  }
  try {
    const esbuild = await import('esbuild');
    const started = Date.now();
    const dir = `${prefix}${started.toString(36)}${process.pid.toString(36)}`;
    const out = await esbuild.build({
      entryPoints: { entry: path.join(root, entry) },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: path.join(cacheDir, dir),
      write: false,
      logLevel: 'silent',
      metafile: true,
      absWorkingDir: root,
      plugins: [keepPackagesAndUrls],
    });
    const inputs = Object.keys(out.metafile.inputs).map((p) => path.resolve(root, p));
    const stamps = await Promise.all(inputs.map(stampOf));
    // Also this file (how bundles are made) and npm's record of installed packages (which the bundle imports).
    stamps.push(await stampOf(fileURLToPath(import.meta.url)));
    stamps.push(await stampOf(installed).catch(() => stampOf(path.join(root, 'package.json'))));
    await mkdir(path.join(cacheDir, dir), { recursive: true });
    for (const file of out.outputFiles) await writeFile(file.path, file.contents);
    await markInUse(path.join(cacheDir, dir));
    // A source saved while esbuild read it may not be in this build: then it serves this process only.
    if (stamps.every((s) => s.mtimeMs < started)) {
      // The code before the manifest that points to it: a manifest that says fresh always finds its code.
      await writeWhole(manifest, JSON.stringify({ dir, stamps }));
      await pruneOld(prefix, dir);
    }
    return path.join(cacheDir, dir, 'entry.js');
  } catch {
    return null;
  }
}
