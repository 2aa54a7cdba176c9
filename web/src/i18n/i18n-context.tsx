import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { interpolate, isLang, type Lang, type Localized } from '../../../src/domain/language.ts';
import { formatDuration, formatWarsawDate, formatWarsawDateTime } from '../../../src/domain/warsaw-time.ts';
import { setApiLanguage } from '../api/api-client.ts';
import { type MessageKey, messages } from './messages.ts';

/**
 * Polish by default, English on request. Dates are shown in Europe/Warsaw whatever the computer's zone, with the
 * domain's own formatters, so the browser shows the same instants as the documents.
 */
export type I18n = {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A Localized text of the domain (labels of categories, statuses…). */
  l(text: Localized): string;
  dateTime(iso: string | null | undefined): string;
  /** An instant's Warsaw date, or a calendar date `YYYY-MM-DD` as it is. */
  date(value: string | null | undefined): string;
  number(value: number | null | undefined, digits?: number): string;
  duration(hours: number): string;
};

const storageKey = 'incydent.lang';
const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = window.localStorage.getItem(storageKey);
  return isLang(stored) ? stored : 'pl';
}

export function I18nProvider(props: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    window.localStorage.setItem(storageKey, next);
    setApiLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const numberFormat = (digits: number) =>
      new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: digits });
    return {
      lang,
      setLang,
      t: (key, params) => interpolate(messages[lang][key], params),
      l: (text) => text[lang],
      dateTime: (iso) => (iso ? formatWarsawDateTime(new Date(iso), lang) : '—'),
      date: (value) => {
        if (!value) return '—';
        const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        if (calendar) {
          const separator = lang === 'pl' ? '.' : '/';
          return `${calendar[3]}${separator}${calendar[2]}${separator}${calendar[1]}`;
        }
        return formatWarsawDate(new Date(value), lang);
      },
      number: (n, digits = 0) => (n === null || n === undefined ? '—' : numberFormat(digits).format(n)),
      duration: (hours) => formatDuration(hours * 3_600_000, lang),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
