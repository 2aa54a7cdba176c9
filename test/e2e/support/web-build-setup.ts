import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { webDistDir } from '../../../src/server/app.ts';

/** The newest modification time of the files under `dir` (0 when there are none). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * For the `e2e` test project, once before its files run: builds the web app when web/dist is missing or older than a
 * source it is built from (web/src, web/index.html, the domain it imports), so the browser never tests a stale page.
 * `npm install` builds it too; this covers an edit since.
 */
export default function setup() {
  const built = join(webDistDir, 'index.html');
  const sources = Math.max(
    newest('web/src'),
    newest('src/domain'),
    statSync('web/index.html').mtimeMs,
    statSync('web/vite.config.ts').mtimeMs,
  );
  if (!existsSync(built) || statSync(built).mtimeMs < sources)
    execSync('npm run build:web', { stdio: 'inherit' });
}
