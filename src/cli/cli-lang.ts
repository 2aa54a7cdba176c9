import { Option } from 'commander';
import { isLang, type Lang } from '../domain/language.ts';

/** `--lang pl|en`, defaulting to INCYDENT_LANG and then Polish. */
export function langOption(): Option {
  const fallback = process.env.INCYDENT_LANG;
  return new Option('--lang <lang>', 'język komunikatów / language of messages (pl, en)')
    .choices(['pl', 'en'])
    .default(isLang(fallback) ? fallback : 'pl');
}

export function langOf(options: { lang?: string }): Lang {
  return isLang(options.lang) ? options.lang : 'pl';
}
