/**
 * Backup and restore, the same for PGlite and PostgreSQL: every table as gzip-compressed JSON lines, parents first,
 * rows in primary-key order inside one repeatable-read snapshot. A restore goes into a migrated, empty database in
 * one transaction: it is all there or nothing is. Restoring a backup and backing up again gives the same lines.
 */
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { type Database, tablesInDependencyOrder } from './schema.ts';

export const backupFormat = 'incydent-backup';
export const backupVersion = 1;

type Column = { name: string; type: string };

async function columnsOf(db: Kysely<Database>, table: string): Promise<Column[]> {
  const result = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return result.rows.map((r) => ({ name: r.column_name, type: r.data_type }));
}

async function primaryKeyOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const result = await sql<{ column_name: string }>`
    select a.attname as column_name from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${table}::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`.execute(
    db,
  );
  return result.rows.map((r) => r.column_name);
}

function encode(value: unknown, column: Column): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (column.type === 'timestamp with time zone') return new Date(value as string).toISOString();
  return value;
}

function decode(value: unknown, column: Column): unknown {
  if (value === null) return null;
  if (column.type === 'bytea') return Buffer.from((value as { $bytes: string }).$bytes, 'base64');
  if (column.type === 'jsonb' || column.type === 'json') return JSON.stringify(value);
  return value;
}

export type BackupSummary = { tables: Record<string, number> };

/** A backup or restore that cannot go ahead: the file cannot be used, or it is no backup. Bilingual message. */
export class BackupError extends Error {}

/** Why a file cannot be opened, said plainly (the code Node gives: ENOENT, EACCES…). */
function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'nie ma takiego pliku lub folderu / no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'brak uprawnień / permission denied';
  if (code === 'EISDIR') return 'to jest folder / it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Every table, parents first, rows in primary-key order, in one repeatable-read snapshot. */
async function writeTables(
  db: Kysely<Database>,
  write: (line: unknown) => Promise<void>,
  now: Date,
  summary: BackupSummary,
): Promise<void> {
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await write({
        format: backupFormat,
        version: backupVersion,
        createdAt: now.toISOString(),
        tables: tablesInDependencyOrder,
      });
      for (const table of tablesInDependencyOrder) {
        const columns = await columnsOf(trx, table);
        const key = await primaryKeyOf(trx, table);
        const order = (key.length > 0 ? key : columns.map((c) => c.name)).map((c) => `"${c}"`).join(', ');
        let count = 0;
        const pageSize = 500;
        for (let offset = 0; ; offset += pageSize) {
          const page = await sql<
            Record<string, unknown>
          >`select * from ${sql.table(table)} order by ${sql.raw(order)} limit ${pageSize} offset ${offset}`.execute(
            trx,
          );
          for (const row of page.rows) {
            const encoded: Record<string, unknown> = {};
            for (const column of columns) encoded[column.name] = encode(row[column.name], column);
            await write({ table, row: encoded });
            count++;
          }
          if (page.rows.length < pageSize) break;
        }
        summary.tables[table] = count;
      }
    });
}

/**
 * Writes the backup to `file`. It is written beside it under a temporary name and renamed when complete, so a
 * failed backup (a full disk, a lost database) never leaves a file that looks whole.
 */
export async function backupDatabase(db: Kysely<Database>, file: string, now: Date): Promise<BackupSummary> {
  const summary: BackupSummary = { tables: {} };
  const partial = `${file}.${process.pid}.partial`;
  let handle: FileHandle;
  try {
    handle = await open(partial, 'w');
  } catch (error) {
    throw new BackupError(`Nie można zapisać pliku / cannot write the file: ${file} (${fileProblem(error)})`);
  }
  const gzip = createGzip();
  const done = pipeline(gzip, handle.createWriteStream());
  // Awaited at the end; a write that fails meanwhile ends the waits for drain below.
  done.catch(() => {});
  const write = (line: unknown) =>
    new Promise<void>((resolve, reject) => {
      if (gzip.write(`${JSON.stringify(line)}\n`)) resolve();
      else {
        gzip.once('drain', resolve);
        done.catch(reject);
      }
    });
  try {
    await writeTables(db, write, now, summary);
    gzip.end();
    await done;
    await rename(partial, file);
  } catch (error) {
    gzip.destroy();
    await rm(partial, { force: true });
    if (error instanceof BackupError) throw error;
    const cause = (error as { code?: unknown } | null)?.code;
    if (typeof cause === 'string' && cause.startsWith('E')) {
      throw new BackupError(
        `Nie można zapisać pliku / cannot write the file: ${file} (${fileProblem(error)})`,
      );
    }
    throw error;
  }
  return summary;
}

export async function restoreDatabase(
  db: Kysely<Database>,
  file: string,
  options: { replace: boolean },
): Promise<BackupSummary> {
  const summary: BackupSummary = { tables: {} };
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new BackupError(`Nie można odczytać pliku / cannot read the file: ${file} (${fileProblem(error)})`);
  }
  const notABackup = () =>
    new BackupError(
      'To nie jest kopia zapasowa incydent w obsługiwanej wersji / Not an incydent backup of a supported version',
    );
  try {
    await restoreInto(db, handle, options, summary, notABackup);
  } catch (error) {
    // A file that is not gzip, or not JSON lines, is not a backup; the transaction has left the database as it was.
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof SyntaxError || (typeof code === 'string' && code.startsWith('Z_')))
      throw notABackup();
    throw error;
  } finally {
    await handle.close().catch(() => {});
  }
  return summary;
}

async function restoreInto(
  db: Kysely<Database>,
  handle: FileHandle,
  options: { replace: boolean },
  summary: BackupSummary,
  notABackup: () => BackupError,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await sql<{
      n: number;
    }>`select (select count(*) from organisations) + (select count(*) from users) as n`.execute(trx);
    if (Number(existing.rows[0]?.n ?? 0) > 0) {
      if (!options.replace) {
        throw new BackupError(
          'Baza danych nie jest pusta; użyj --replace, aby zastąpić jej zawartość / The database is not empty; use --replace to overwrite it',
        );
      }
      for (const table of [...tablesInDependencyOrder].reverse())
        await sql`delete from ${sql.table(table)}`.execute(trx);
    }
    const columnCache = new Map<string, Column[]>();
    let header = false;
    const batch = { table: '', rows: [] as Record<string, unknown>[] };
    const flush = async () => {
      if (batch.rows.length === 0) return;
      await trx
        .insertInto(batch.table as 'organisations')
        .values(batch.rows as never)
        .execute();
      batch.rows = [];
    };
    // Created only now and iterated at once: lines read before the loop listens would be lost.
    const gunzip = createGunzip();
    const input = handle.createReadStream({ autoClose: false });
    input.on('error', (error) => gunzip.destroy(error));
    const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as {
        format?: string;
        version?: number;
        table?: string;
        row?: Record<string, unknown>;
      };
      if (!header) {
        if (record.format !== backupFormat || record.version !== backupVersion) throw notABackup();
        header = true;
        continue;
      }
      const table = record.table!;
      if (!(tablesInDependencyOrder as readonly string[]).includes(table))
        throw new BackupError(`Nieznana tabela / unknown table: ${table}`);
      let columns = columnCache.get(table);
      if (!columns) {
        columns = await columnsOf(trx, table);
        columnCache.set(table, columns);
      }
      const row: Record<string, unknown> = {};
      for (const column of columns)
        if (column.name in record.row!) row[column.name] = decode(record.row![column.name], column);
      if (batch.table !== table || batch.rows.length >= 200) {
        await flush();
        batch.table = table;
      }
      batch.rows.push(row);
      summary.tables[table] = (summary.tables[table] ?? 0) + 1;
    }
    await flush();
    if (!header) throw new BackupError('Pusty plik kopii / empty backup file');
  });
}
