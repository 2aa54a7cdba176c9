import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { addLeaveGuard } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * Drafts of a page's forms kept above its tabs: a tab's form may unmount (another tab is shown) without losing what
 * was typed, and leaving the page (a link elsewhere, back, closing or reloading the tab) asks first while any of
 * them holds unsaved changes.
 */
type DraftStore = { values: Map<string, unknown>; dirty: Set<string> };

const DraftContext = createContext<DraftStore | null>(null);

export function UnsavedDraftsProvider(props: { scope: string; children: ReactNode }) {
  const { t } = useI18n();
  // The same store across the page's tabs; give the provider a `key` of its scope for a fresh one per page.
  const [store] = useState<DraftStore>(() => ({ values: new Map(), dirty: new Set() }));
  const message = t('unsaved.confirmLeave');
  useEffect(() => {
    const inScope = (href: string) => {
      const path = href.split('?')[0] ?? '';
      return path === props.scope || path.startsWith(`${props.scope}/`);
    };
    const removeGuard = addLeaveGuard((to) => {
      if (store.dirty.size === 0 || inScope(to)) return true;
      if (!window.confirm(message)) return false;
      store.dirty.clear();
      store.values.clear();
      return true;
    });
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (store.dirty.size === 0) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      removeGuard();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [store, props.scope, message]);
  return <DraftContext.Provider value={store}>{props.children}</DraftContext.Provider>;
}

/**
 * Like useState, but kept in the page's draft store under `key` (when there is one), so it outlives the form's
 * unmounting. Every change through the setter counts as unsaved until `markSaved` is called; `replace` changes the
 * value without counting as an edit.
 */
export function useDraft<T>(
  key: string,
  initial: () => T,
): [
  T,
  (update: T | ((current: T) => T)) => void,
  { dirty: boolean; markSaved: () => void; replace: (update: T | ((current: T) => T)) => void },
] {
  const store = useContext(DraftContext);
  // Only unsaved work is brought back; anything else starts afresh from what the page shows now.
  const [value, setValue] = useState<T>(() =>
    store?.dirty.has(key) && store.values.has(key) ? (store.values.get(key) as T) : initial(),
  );
  const [dirty, setDirty] = useState(() => store?.dirty.has(key) ?? false);
  useEffect(() => {
    store?.values.set(key, value);
  }, [store, key, value]);
  useEffect(() => {
    if (!store) return;
    if (dirty) store.dirty.add(key);
    else store.dirty.delete(key);
  }, [store, key, dirty]);
  const set = useCallback((update: T | ((current: T) => T)) => {
    setDirty(true);
    setValue(update);
  }, []);
  const markSaved = useCallback(() => setDirty(false), []);
  return [value, set, { dirty, markSaved, replace: setValue }];
}
