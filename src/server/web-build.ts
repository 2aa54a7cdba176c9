import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` puts the single-page app, which the server serves. */
export const webDistDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The newest modification time of the files under `dir` (0 when there are none). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

/**
 * Whether web/dist is missing, or older than a source it is built from (web/src, web/index.html, the domain it
 * imports): after a `git pull` without `npm install`, say, which would serve the old pages against the new API.
 * `root`: the checkout (tests give another).
 */
export function webBuildIsStale(root = repoRoot): boolean {
  const built = `${root}web/dist/index.html`;
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newest(`${root}web/src`),
    newest(`${root}src/domain`),
    ...[`${root}web/index.html`, `${root}web/vite.config.ts`].map((f) =>
      existsSync(f) ? statSync(f).mtimeMs : 0,
    ),
  );
  return statSync(built).mtimeMs < sources;
}
