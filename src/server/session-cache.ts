import type { WriteCounter } from '../db/pglite-dialect.ts';
import type { SessionUser } from './auth.service.ts';

type Entry = { user: SessionUser; writesBefore: number; expiresAt: number; lastSeenAt: number };

/**
 * Sessions already read by this process, for the embedded PGlite only: its one client is this process, so a
 * session read when the write counter stood at N is still exactly what the database holds while the counter stays
 * at N. Any statement that may write (a logout, a role change, a disabled account, the once-a-minute touch) moves
 * the counter and so drops every entry at once. A PostgreSQL server, shared by several instances, gets no such
 * cache: there every request asks the database.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly writes: WriteCounter,
    private readonly capacity = 10_000,
  ) {}

  /** The write count to record before reading a session from the database. */
  mark(): number {
    return this.writes.count;
  }

  /** A session read earlier, if nothing may have changed since and it is neither expired nor due for a touch. */
  get(id: string, now: Date, touchAfterMs: number): SessionUser | null {
    const entry = this.#entries.get(id);
    if (!entry) return null;
    const t = now.getTime();
    if (
      entry.writesBefore !== this.writes.count ||
      entry.expiresAt <= t ||
      t - entry.lastSeenAt > touchAfterMs
    ) {
      this.#entries.delete(id);
      return null;
    }
    return entry.user;
  }

  set(id: string, entry: Entry): void {
    if (entry.writesBefore !== this.writes.count) return;
    if (this.#entries.size >= this.capacity) this.#entries.clear();
    this.#entries.set(id, entry);
  }
}
