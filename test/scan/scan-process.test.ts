import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startScanProcess } from '../../src/server/scan-process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'incydent-scan-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a server scan in a process of its own', () => {
  it('keeps the message of a refused scan (exit code 2) in both languages, for colleagues who read either', async () => {
    for (const lang of ['pl', 'en'] as const) {
      const child = startScanProcess({
        cwd: dir,
        paths: ['nie-ma-takiego-folderu'],
        asOf: '2026-11-22',
        lang,
        listFile: path.join(dir, 'osoby.csv'),
        onProgress: () => {},
      });
      const error = await child.result.then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toBe(
        'nie ma takiego pliku ani folderu: nie-ma-takiego-folderu / no such file or folder: nie-ma-takiego-folderu',
      );
    }
  });
});
