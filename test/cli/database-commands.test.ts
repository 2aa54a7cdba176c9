import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';

const bin = fileURLToPath(new URL('../../bin/incydent.js', import.meta.url));
type Run = { code: number; stdout: string; stderr: string };

function incydent(args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, DATABASE_URL: '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incydent-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the command line on the embedded database (DATA_DIR)', () => {
  it('migrate, user create, audit verify, backup and restore; tampering makes verify fail', async () => {
    const env = { DATA_DIR: join(dir, 'data') };
    const migrate = await incydent(['migrate'], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('0001-initial');

    const created = await incydent(
      [
        'user',
        'create',
        '--email',
        'IOD@Szkola.pl',
        '--org',
        'Szkoła Podstawowa nr 3',
        '--role',
        'dpo',
        '--name',
        'Anna Nowak',
        '--password-stdin',
      ],
      env,
      'haslo-bardzo-dlugie\n',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Utworzono konto iod@szkola.pl (rola: dpo)');

    const again = await incydent(
      ['user', 'create', '--email', 'iod@szkola.pl', '--org', 'Szkoła Podstawowa nr 3', '--password-stdin'],
      env,
      'haslo-bardzo-dlugie\n',
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Użytkownik z tym adresem e-mail już istnieje.');
    const short = await incydent(
      ['user', 'create', '--email', 'x@y.pl', '--org', 'X', '--password-stdin'],
      env,
      'krotkie\n',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('co najmniej 10 znaków');
    const badRole = await incydent(
      ['user', 'create', '--email', 'x@y.pl', '--org', 'X', '--role', 'boss'],
      env,
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Nieznana rola „boss”');

    const verified = await incydent(['audit', 'verify'], env);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Łańcuch nienaruszony.');

    const backupFile = join(dir, 'kopia.jsonl.gz');
    const backup = await incydent(['backup', backupFile], env);
    expect(backup.code, backup.stderr).toBe(0);

    const restoredEnv = { DATA_DIR: join(dir, 'restored') };
    const restore = await incydent(['restore', backupFile], restoredEnv);
    expect(restore.code, restore.stderr).toBe(0);
    expect((await incydent(['audit', 'verify'], restoredEnv)).code).toBe(0);
    const refused = await incydent(['restore', backupFile], restoredEnv);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('nie jest pusta');

    // Files that cannot be used: a message naming the file and why, exit 2, nothing written or left behind.
    const missing = await incydent(['restore', join(dir, 'nie-ma.jsonl.gz'), '--replace'], restoredEnv);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Nie można odczytać pliku .*nie-ma\.jsonl\.gz \(nie ma takiego pliku/);
    const notBackup = join(dir, 'lista.csv.gz');
    await writeFile(notBackup, 'imię;nazwisko\n');
    const refusedFile = await incydent(['restore', notBackup, '--replace'], restoredEnv);
    expect(refusedFile.code).toBe(2);
    expect(refusedFile.stderr).toContain('To nie jest kopia zapasowa incydent');
    // The refused restore with --replace left the restored data as it was.
    const kept = await incydent(['audit', 'verify'], restoredEnv);
    expect(kept.stdout).toContain('Łańcuch nienaruszony.');
    expect(kept.stdout).not.toContain('Sprawdzono 0 wpisów');
    const nowhere = await incydent(['backup', join(dir, 'nie-ma', 'kopia.jsonl.gz')], env);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^Nie można zapisać pliku .*nie-ma\/kopia\.jsonl\.gz/);
    expect(nowhere.stderr).not.toContain('    at ');

    // Someone edits the audit log behind the application's back.
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    await sql`update audit_log set after = '{"email":"ktos@inny.pl"}' where seq = 1`.execute(database.db);
    await database.close();
    const tampered = await incydent(['audit', 'verify', '--lang', 'en'], env);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('#1: hash-mismatch');
    expect(tampered.stderr).toContain('Found 1 problem(s) in the audit trail.');
  }, 90_000);

  it('a PostgreSQL server that cannot be reached is said plainly, exit 1, no stack trace', async () => {
    const run = await incydent(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/incydent' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nie można użyć bazy PostgreSQL z DATABASE_URL');
    expect(run.stderr).toContain('the server refuses connections');
    expect(run.stderr).not.toContain('    at ');
  });

  it('refuses a data folder another process has open, and takes over a lock whose process is gone', async () => {
    const env = { DATA_DIR: join(dir, 'locked') };
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      const refused = await incydent(['migrate'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`jest otwarta w innym procesie (PID ${process.pid})`);
      expect(refused.stderr).toContain('use DATABASE_URL');
      expect(refused.stderr).not.toContain('    at ');
    } finally {
      await database.close();
    }
    expect(existsSync(join(env.DATA_DIR, 'incydent.lock'))).toBe(false);
    // A lock left behind by a process that no longer runs (a PID above the kernel's limit never runs).
    await writeFile(join(env.DATA_DIR, 'incydent.lock'), '99999999');
    const migrate = await incydent(['migrate'], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(existsSync(join(env.DATA_DIR, 'incydent.lock'))).toBe(false);
  }, 60_000);

  it('serve on a port another program holds says so and ends, its database closed', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
    const port = (holder.address() as AddressInfo).port;
    const env = { DATA_DIR: join(dir, 'busy-port') };
    try {
      const run = await incydent(['serve', '--port', String(port)], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`serve: port ${port} jest zajęty przez inny program`);
      expect(run.stderr).not.toContain('    at ');
    } finally {
      holder.close();
    }
    // Nothing was left open: the data folder is free for the next command.
    expect(existsSync(join(env.DATA_DIR, 'incydent.lock'))).toBe(false);
    expect((await incydent(['migrate'], env)).code).toBe(0);
  }, 60_000);
});
