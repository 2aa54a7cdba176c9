import type { AddressObject } from 'mailparser';
import { ByteScanner } from './byte-scanner.ts';
import type { ScanTally } from './scan-tally.ts';
import { TextFeed } from './text-feed.ts';

export type MailAttachment = { name: string; content: Buffer };

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => `${v.name ?? ''} <${v.address ?? ''}>`));
}

/**
 * An e-mail message (RFC 5322, MIME): the addresses, subject and text body are scanned here as one record; the
 * attachments are returned for the caller to scan as files of their own.
 */
export async function scanEml(options: {
  data: Buffer;
  file: string;
  tally: ScanTally;
}): Promise<MailAttachment[]> {
  // Loaded on first use: mailparser takes a quarter of a second to load, which every scan thread would pay.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(options.data, { skipImageLinks: true, skipTextToHtml: true });
  const scanner = new ByteScanner({
    tally: options.tally,
    mode: 'text',
    encoding: 'utf8',
    countRecords: false,
    file: options.file,
  });
  const feed = new TextFeed(scanner);
  for (const line of [
    ...addresses(mail.from),
    ...addresses(mail.to),
    ...addresses(mail.cc),
    ...addresses(mail.bcc),
  ]) {
    feed.write(`${line}\n\n`); // each address its own person
  }
  feed.write(`${mail.subject ?? ''}\n\n`);
  const body = mail.text ?? (typeof mail.html === 'string' ? mail.html.replace(/<[^>]*>/g, ' ') : '');
  feed.write(body);
  feed.end();
  // A message forwarded as an attachment (message/rfc822, usually nameless) is read as the e-mail it is.
  return mail.attachments.map((a, k) => ({
    name: a.filename ?? `attachment-${k + 1}${a.contentType === 'message/rfc822' ? '.eml' : ''}`,
    content: a.content,
  }));
}
