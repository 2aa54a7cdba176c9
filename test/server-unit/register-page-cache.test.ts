import { describe, expect, it } from 'vitest';
import {
  type LoadedRegisterPage,
  RegisterPageCache,
  registerPageKey,
} from '../../src/server/register-page-cache.ts';

const page = (total: number): LoadedRegisterPage => ({ total, rows: [] });

describe('RegisterPageCache', () => {
  it('reads a page once for readers at the same moment, and again under a new key', async () => {
    const cache = new RegisterPageCache();
    let reads = 0;
    const load = async () => page(++reads);
    const [a, b] = await Promise.all([cache.read('k1', 50, load), cache.read('k1', 50, load)]);
    expect(a).toBe(b);
    expect(reads).toBe(1);
    expect((await cache.read('k2', 50, load)).total).toBe(2);
  });

  it('keeps at most its capacity in rows, dropping the least recently used first', async () => {
    const cache = new RegisterPageCache(100);
    await cache.read('a', 50, async () => page(1));
    await cache.read('b', 50, async () => page(2));
    await cache.read('a', 50, async () => page(99)); // a is now the most recently used
    await cache.read('c', 50, async () => page(3));
    expect(cache.size).toEqual({ pages: 2, rows: 100 });
    expect((await cache.read('a', 50, async () => page(99))).total).toBe(1);
    expect((await cache.read('b', 50, async () => page(4))).total).toBe(4);
  });

  it('keeps a page larger than its capacity only until the next one', async () => {
    const cache = new RegisterPageCache(100);
    await cache.read('big', 200, async () => page(1));
    expect(cache.size.pages).toBe(1);
    await cache.read('small', 10, async () => page(2));
    expect(cache.size).toEqual({ pages: 1, rows: 10 });
  });

  it('does not keep a failed read', async () => {
    const cache = new RegisterPageCache();
    await expect(
      cache.read('k', 50, async () => Promise.reject(new Error('connection lost'))),
    ).rejects.toThrow();
    await Promise.resolve();
    expect(cache.size.pages).toBe(0);
    expect((await cache.read('k', 50, async () => page(7))).total).toBe(7);
  });
});

describe('registerPageKey', () => {
  const filter = { organisationIds: ['org-a', 'org-b'], page: 1 };
  const secondPage = { ...filter, page: 2 };

  it('changes with any organisation version and needs them all', () => {
    const key = registerPageKey(
      filter,
      new Map([
        ['org-a', 1],
        ['org-b', 2],
      ]),
    );
    expect(key).not.toBeNull();
    expect(
      registerPageKey(
        filter,
        new Map([
          ['org-a', 1],
          ['org-b', 3],
        ]),
      ),
    ).not.toBe(key);
    expect(
      registerPageKey(
        secondPage,
        new Map([
          ['org-a', 1],
          ['org-b', 2],
        ]),
      ),
    ).not.toBe(key);
    expect(registerPageKey(filter, new Map([['org-a', 1]]))).toBeNull();
  });
});
