import { execSync } from 'node:child_process';
import { webBuildIsStale } from '../../../src/server/web-build.ts';

/**
 * For the `e2e` test project, once before its files run: builds the web app when web/dist is missing or older than a
 * source it is built from, so the browser never tests a stale page. `npm install` builds it too; this covers an edit
 * since.
 */
export default function setup() {
  if (webBuildIsStale()) execSync('npm run build:web', { stdio: 'inherit' });
}
