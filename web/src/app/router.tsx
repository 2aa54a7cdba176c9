import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/** A small history-API router: the app has a dozen routes and needs no more than this. */
const listeners = new Set<() => void>();

/**
 * Asked before the app moves to another address (a link, `navigate`, the browser's back button); one answering
 * false keeps the user where they are (e.g. unsaved changes they chose to keep).
 */
type LeaveGuard = (to: string) => boolean;
const guards = new Set<LeaveGuard>();
let currentHref = typeof window === 'undefined' ? '' : window.location.pathname + window.location.search;

export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

function mayLeave(to: string): boolean {
  for (const guard of guards) if (!guard(to)) return false;
  return true;
}

function onPopState() {
  const href = window.location.pathname + window.location.search;
  if (href !== currentHref && !mayLeave(href)) {
    // Back or forward was refused: put the address the user stays on back in the bar.
    window.history.pushState(null, '', currentHref);
    return;
  }
  currentHref = href;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

export function navigate(to: string, options: { replace?: boolean; force?: boolean } = {}): void {
  if (!options.force && !mayLeave(to)) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  currentHref = window.location.pathname + window.location.search;
  for (const listener of listeners) listener();
  if (!options.replace) window.scrollTo(0, 0);
}

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

/** `/orgs/:orgId/breaches/:breachId/:tab?` against a path: the named parts (optional ones may be absent), or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(
    `^${pattern.replace(/\/:(\w+)(\?)?/g, (_, name: string, optional: string | undefined) => {
      names.push(name);
      return optional ? '(?:/([^/]+))?' : '/([^/]+)';
    })}/?$`,
  );
  const match = regex.exec(pathname);
  if (!match) return null;
  return Object.fromEntries(
    names.flatMap((name, i) => {
      const value = match[i + 1];
      return value === undefined ? [] : [[name, decodeURIComponent(value)]];
    }),
  );
}

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { href, onClick, ...rest } = props;
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    if (rest.target || rest.download !== undefined) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
