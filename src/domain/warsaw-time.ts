import { TZDate } from '@date-fns/tz';
import type { Lang } from './language.ts';

/**
 * Polish time. Instants are stored and compared in UTC; people read and type them in Europe/Warsaw, which moves
 * between CET (UTC+1) and CEST (UTC+2). Intl and @date-fns/tz carry the rules, in Node and in the browser alike.
 */
export const warsawZone = 'Europe/Warsaw';
const hourMs = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
      timeZone: warsawZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

function parts(instant: Date, lang: Lang, withTime: boolean): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of formatter(lang, withTime).formatToParts(instant)) result[part.type] = part.value;
  return result;
}

/** `30.03.2026 11:00` (pl) or `30/03/2026 11:00` (en), in Warsaw time. */
export function formatWarsawDateTime(instant: Date, lang: Lang = 'pl'): string {
  const p = parts(instant, lang, true);
  const separator = lang === 'pl' ? '.' : '/';
  return `${p.day}${separator}${p.month}${separator}${p.year} ${p.hour}:${p.minute}`;
}

/** `30.03.2026` (pl) or `30/03/2026` (en), the Warsaw calendar date of the instant. */
export function formatWarsawDate(instant: Date, lang: Lang = 'pl'): string {
  const p = parts(instant, lang, false);
  const separator = lang === 'pl' ? '.' : '/';
  return `${p.day}${separator}${p.month}${separator}${p.year}`;
}

/** The Warsaw wall-clock reading of an instant, ISO-like: `2026-03-30T11:00`. */
export function toWarsawLocal(instant: Date): string {
  const p = parts(instant, 'pl', true);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The Warsaw calendar date of an instant, `YYYY-MM-DD` (due dates, "today", the register's year). */
export function warsawDate(instant: Date): string {
  return toWarsawLocal(instant).slice(0, 10);
}

/** The Warsaw calendar year of an instant. */
export function warsawYear(instant: Date): number {
  return Number(toWarsawLocal(instant).slice(0, 4));
}

/** The Warsaw hour (0–23) of an instant. */
export function warsawHour(instant: Date): number {
  return Number(toWarsawLocal(instant).slice(11, 13));
}

/**
 * The instant of a Warsaw wall-clock time `YYYY-MM-DDTHH:mm`. In the autumn hour that occurs twice the earlier
 * (summer-time) instant is taken; a spring time that does not exist moves forward by the skipped hour.
 */
export function fromWarsawLocal(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:mm): ${local}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const instant = new Date(new TZDate(year, month - 1, day, hour, minute, warsawZone).getTime());
  // The earlier reading of an ambiguous hour starts the 72-hour clock sooner: the cautious choice.
  const hourEarlier = new Date(instant.getTime() - hourMs);
  return toWarsawLocal(hourEarlier) === local ? hourEarlier : instant;
}

/** Whole hours and minutes of a duration: `71 godz. 5 min` / `71 h 5 min`; negative durations get a minus sign. */
export function formatDuration(milliseconds: number, lang: Lang = 'pl'): string {
  const sign = milliseconds < 0 ? '−' : '';
  const totalMinutes = Math.floor(Math.abs(milliseconds) / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return lang === 'pl' ? `${sign}${hours} godz. ${minutes} min` : `${sign}${hours} h ${minutes} min`;
}

export function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / hourMs;
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * hourMs);
}
