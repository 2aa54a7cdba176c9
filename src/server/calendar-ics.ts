/**
 * A small iCalendar (RFC 5545) writer for the deadline feed: escaped text, lines folded at 75 octets without
 * splitting a UTF-8 character, CRLF line ends, UTC instants and all-day dates.
 */
export type IcsEvent = {
  uid: string;
  summary: string;
  description: string;
  url: string;
  /** A moment (the 72-hour deadline) or a whole day `YYYY-MM-DD` (an action's due date). */
  at: { instant: Date } | { day: string };
};

const escapeText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const utc = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a multi-byte character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function writeIcs(input: { name: string; events: readonly IcsEvent[]; stamp: Date }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//incydent//terminy naruszen//PL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    'X-WR-TIMEZONE:Europe/Warsaw',
  ];
  for (const event of input.events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utc(input.stamp)}`);
    if ('instant' in event.at) {
      lines.push(
        `DTSTART:${utc(event.at.instant)}`,
        `DTEND:${utc(new Date(event.at.instant.getTime() + 15 * 60_000))}`,
      );
    } else {
      const day = event.at.day.replace(/-/g, '');
      const next = new Date(`${event.at.day}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      lines.push(
        `DTSTART;VALUE=DATE:${day}`,
        `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
      );
    }
    lines.push(
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      `URL:${event.url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
