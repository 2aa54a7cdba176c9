import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { SaxesTagPlain } from 'saxes';

export type XmlHandlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

/**
 * Streams an XML member of an office file through a SAX parser, so a sheet of a million rows is never held whole.
 * Names are given without their namespace prefix (`x:c` → `c`), unless
 * `keepPrefix` (OpenDocument's `text:p` and `table:table-cell` need theirs).
 */
export async function parseXmlStream(
  stream: Readable,
  handlers: XmlHandlers,
  keepPrefix = false,
): Promise<void> {
  const { SaxesParser } = await import('saxes'); // loaded on first use (office files only)
  const parser = new SaxesParser();
  const local = (name: string) => (keepPrefix ? name : (name.split(':').pop() ?? name));
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure = e;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    handlers.open?.(local(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('text', (t) => handlers.text?.(t));
  parser.on('cdata', (t) => handlers.text?.(t));
  parser.on('closetag', (tag) => handlers.close?.(local(tag.name)));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parser.write(decoder.write(chunk));
    if (failure) {
      stream.destroy();
      throw failure;
    }
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
}
