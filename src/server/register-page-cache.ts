/**
 * Register pages this app instance has already read, keyed by the filter and by the register versions of the
 * organisations in it. The versions come from the database with the caller's session (migration 0004 keeps them
 * in triggers), so a page is reused only while nothing in those registers has changed — exact even when several
 * instances share one PostgreSQL. What depends on the clock (the 72-hour deadline) is computed per request.
 * Readers of the same page at the same moment share one query; the oldest pages make room for new ones.
 */
import type { RegisterRowFields } from '../domain/register-row.ts';
import type { StoredDeadlineFields } from './stored-deadline.ts';

/** One page as read from the database: the rows and what each one's deadline depends on. */
export type LoadedRegisterPage = {
  total: number;
  /** Each row with its JSON text (made once, when read) and what its deadline depends on. */
  rows: {
    view: RegisterRowFields;
    /** The view as JSON text without its closing brace. */
    viewJsonOpen: string;
    deadline: StoredDeadlineFields;
    /** When the 72 hours end, as ISO text (null before the breach is confirmed). */
    deadlineAt: string | null;
  }[];
};

type Page = LoadedRegisterPage;

export class RegisterPageCache {
  readonly #pages = new Map<string, { page: Promise<Page>; rows: number }>();
  #rows = 0;

  /** `capacity` in rows (at most ~1.5 kB each; REGISTER_CACHE_ROWS, 10,000 by default: under ~15 MB). */
  constructor(private readonly capacity = 10_000) {}

  /** The page under `key`, read with `load` unless already read; `rows` is the most it may hold (its page size). */
  read(key: string, rows: number, load: () => Promise<Page>): Promise<Page> {
    const cached = this.#pages.get(key);
    if (cached) {
      // Most recently used last, so eviction takes the least recently used first.
      this.#pages.delete(key);
      this.#pages.set(key, cached);
      return cached.page;
    }
    const entry = { page: load(), rows };
    this.#pages.set(key, entry);
    this.#rows += rows;
    // A failed read is not kept: the next request tries again.
    entry.page.catch(() => {
      if (this.#pages.get(key) === entry) this.#drop(key, entry);
    });
    for (const [oldestKey, oldest] of this.#pages) {
      if (this.#rows <= this.capacity || oldest === entry) break;
      this.#drop(oldestKey, oldest);
    }
    return entry.page;
  }

  #drop(key: string, entry: { rows: number }): void {
    this.#pages.delete(key);
    this.#rows -= entry.rows;
  }

  /** How many pages and rows (at most) are kept. */
  get size(): { pages: number; rows: number } {
    return { pages: this.#pages.size, rows: this.#rows };
  }
}

/**
 * The cache key of a page, or null when a version is missing (then the page is read afresh). The versions are those
 * of every organisation the filter reads, in the filter's order.
 */
export function registerPageKey(
  filter: { organisationIds: readonly string[] },
  versions: ReadonlyMap<string, number>,
): string | null {
  const seen: number[] = [];
  for (const id of filter.organisationIds) {
    const version = versions.get(id);
    if (version === undefined) return null;
    seen.push(version);
  }
  return JSON.stringify([filter, seen]);
}
