import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../bin/bundle.js';

// bin/bundle.js compiles the command (and the scan workers) from the sources; a bundle that still said
// `import.meta.url` would look for the web app, the fonts, the kernel and the worker's own bundle next to the cache.
describe('the compiled command (bin/bundle.js)', () => {
  it('keeps every module of this checkout pointing at its own file, and is reused while the sources stand', async () => {
    const entry = await bundle('src/cli/main.ts', 'cli');
    expect(entry).not.toBeNull();
    const dir = dirname(entry!);
    const all = await readdir(dir);
    // Marked as used by this process, so no other removes it while this one may still load its chunks.
    expect(all).toContain(`.in-use-${process.pid}`);
    const files = all.filter((f) => f.endsWith('.js'));
    expect(files).toContain('entry.js');
    const code = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    expect(code).not.toContain('import.meta.url');
    const self = pathToFileURL(fileURLToPath(new URL('../../bin/bundle.js', import.meta.url))).href;
    expect(code).toContain(JSON.stringify(self));
    expect(code).toContain(
      JSON.stringify(
        pathToFileURL(fileURLToPath(new URL('../../src/server/web-build.ts', import.meta.url))).href,
      ),
    );
    // The next start reuses it, and drops the marks of processes that have ended.
    const ended = join(dir, '.in-use-999999999');
    await writeFile(ended, '');
    expect(await bundle('src/cli/main.ts', 'cli')).toBe(entry);
    expect(await readdir(dir)).not.toContain('.in-use-999999999');
    expect(await readdir(dir)).toContain(`.in-use-${process.pid}`);
  });

  it('compiles the scan worker, which the command then starts without tsx', async () => {
    const worker = await bundle('src/scan/scan-worker.ts', 'scan-worker');
    expect(worker).not.toBeNull();
    const code = await readFile(worker!, 'utf8');
    expect(code).not.toContain('import.meta.url');
    expect(code).not.toMatch(/from "(?!node:|file:)[^"]+"/); // packages by absolute URL only
  });
});
