import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded database's folder is open in another process. */
export class DatabaseInUseError extends Error {}

const lockName = 'incydent.lock';

/** Whether a process of this machine runs (EPERM: it runs as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded database's folder for this process, or throws DatabaseInUseError. PGlite has no server: two
 * processes writing the same files would corrupt them, and this process keeps what it read on the understanding
 * that it is the only client (see SessionCache). A lock left by a process that no longer runs is taken over.
 * Returns the release.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, lockName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
        throw new DatabaseInUseError(
          `Baza danych w ${dir} jest otwarta w innym procesie (PID ${pid}): zatrzymaj go (np. serwer incydent) albo użyj DATABASE_URL. Jeśli żaden taki proces nie działa, usuń ${file}. / ` +
            `The database in ${dir} is open in another process (PID ${pid}): stop it (e.g. the incydent server) or use DATABASE_URL. If no such process runs, delete ${file}.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DatabaseInUseError(`Nie można zablokować ${file} / Cannot lock ${file}`);
}
