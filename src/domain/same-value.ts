/**
 * Whether two recorded values say the same: absent, null, '' and [] are all "nothing", and objects are compared key
 * by key without their empty keys. A save that writes back what was there is no change, for the audit trail and
 * for the timeline that shows it.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function strip(v: unknown): unknown {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  if (Array.isArray(v)) return v.map(strip);
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => [k, strip(x)] as const)
      .filter(([, x]) => x !== null)
      .sort(([x], [y]) => (x < y ? -1 : 1));
    return entries.length > 0 ? Object.fromEntries(entries) : null;
  }
  return v;
}

function canonical(value: unknown): string {
  return JSON.stringify(strip(value));
}
