import { useCallback, useEffect, useRef, useState } from 'react';

/** Loads data for a page; `reload` fetches again and keeps the old data on screen meanwhile. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): {
  data: T | null;
  error: unknown;
  reload: (reason?: string) => Promise<void>;
  setData: (data: T) => void;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loader = useRef(load);
  loader.current = load;
  const generation = useRef(0);
  const reload = useCallback(async (_reason?: string) => {
    const mine = ++generation.current;
    try {
      const result = await loader.current();
      if (mine === generation.current) {
        setData(result);
        setError(null);
      }
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    }
  }, []);
  // The caller names what the load depends on; they are plain values, so their text identifies them.
  const depsKey = deps.map((d) => String(d)).join('|');
  useEffect(() => {
    void reload(depsKey);
  }, [reload, depsKey]);
  return { data, error, reload, setData };
}

/** Sets the browser tab's title for the page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — incydent`;
  }, [title]);
}
