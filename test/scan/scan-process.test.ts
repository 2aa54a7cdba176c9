import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startScanProcess } from '../../src/server/scan-process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'incydent-scan-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a command of the test's own (`source`, a script) as the server runs incydent scan. */
function runCommand(name: string, source: string, lang: 'pl' | 'en' = 'pl') {
  const command = path.join(dir, name);
  writeFileSync(command, source);
  return startScanProcess({
    cwd: dir,
    paths: ['.'],
    asOf: '2026-11-22',
    lang,
    listFile: path.join(dir, 'osoby.csv'),
    onProgress: () => {},
    command,
  });
}

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

  it('takes a result the command said is complete, and ends a process that then does not exit', async () => {
    // A command that writes its result and says so, then hangs as Node 20 can at exit (nodejs/node#54918).
    const started = Date.now();
    const child = runCommand(
      'hangs-at-exit.mjs',
      `process.stdout.write(JSON.stringify({ asOf: '2026-11-22', files: [] }) + '\\n', () => {
        process.send({ type: 'done', code: 0 });
        // Never longer than this, should the test fail.
        setTimeout(() => {}, 30_000);
      });`,
    );
    await expect(child.result).resolves.toEqual({ asOf: '2026-11-22', files: [] });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);

  it('does not take a result from a process that said nothing and was ended', async () => {
    const child = runCommand(
      'writes-then-dies.mjs',
      `process.stdout.write(JSON.stringify({ asOf: '2026-11-22', files: [] }) + '\\n', () => process.kill(process.pid, 'SIGKILL'));`,
      'en',
    );
    await expect(child.result).rejects.toThrow('the scan ended without a result (SIGKILL)');
  });

  it("keeps the command's message when it said it ends with code 2 and then had to be ended", async () => {
    const child = runCommand(
      'refuses-then-hangs.mjs',
      `process.stderr.write('scan: nie ma takiego pliku ani folderu: x / no such file or folder: x\\n', () => {
        process.send({ type: 'done', code: 2 });
        setTimeout(() => {}, 30_000);
      });`,
    );
    await expect(child.result).rejects.toThrow(
      /^nie ma takiego pliku ani folderu: x \/ no such file or folder: x$/,
    );
  }, 20_000);
});
