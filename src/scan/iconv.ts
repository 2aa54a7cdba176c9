import { createRequire } from 'node:module';

type IconvLite = typeof import('iconv-lite');

const require = createRequire(import.meta.url);
let loaded: IconvLite | undefined;

/**
 * iconv-lite, loaded on first use: files in UTF-8 (most exports) never need it, and loading it costs every thread
 * of a scan about 10 ms before its first byte.
 */
export function iconv(): IconvLite {
  loaded ??= require('iconv-lite') as IconvLite;
  return loaded;
}
