import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webBuildIsStale } from '../../src/server/web-build.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('a web app build older than its sources (the server warns, the browser tests rebuild)', () => {
  it('is stale when missing, or when a page or the domain it imports changed after it', async () => {
    const root = `${await tempDir('incydent-web-')}/`;
    mkdirSync(join(root, 'web', 'src', 'pages'), { recursive: true });
    mkdirSync(join(root, 'src', 'domain'), { recursive: true });
    writeFileSync(join(root, 'web', 'src', 'pages', 'a.tsx'), '');
    writeFileSync(join(root, 'src', 'domain', 'b.ts'), '');
    expect(webBuildIsStale(root)).toBe(true);
    mkdirSync(join(root, 'web', 'dist'));
    writeFileSync(join(root, 'web', 'dist', 'index.html'), '');
    const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);
    at('web/src/pages/a.tsx', 1000);
    at('src/domain/b.ts', 1000);
    at('web/dist/index.html', 2000);
    expect(webBuildIsStale(root)).toBe(false);
    at('web/src/pages/a.tsx', 3000);
    expect(webBuildIsStale(root)).toBe(true);
    at('web/src/pages/a.tsx', 1000);
    at('src/domain/b.ts', 3000);
    expect(webBuildIsStale(root)).toBe(true);
  });
});
