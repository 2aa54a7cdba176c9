import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { type FileFormat, fileFormat } from './file-format.ts';
import { type OpenedZip, openZip, readMember, type ZipMember } from './open-zip.ts';
import { scanEml } from './scan-eml.ts';
import { scanDocx, scanOds, scanOdt, scanXlsx } from './scan-office.ts';
import { scanPdf } from './scan-pdf.ts';
import { ScanTally, type TallySnapshot } from './scan-tally.ts';
import { scanText, scanTextFile, textHead } from './scan-text.ts';
import type { TextFormat } from './text-layout.ts';

/** Why a file could not be read (rendered in the user's language by the caller). */
export type FileErrorCode =
  | 'unsupported'
  | 'corrupt'
  | 'encrypted'
  | 'unsafePath'
  | 'bomb'
  | 'tooDeep'
  | 'unreadable';

export type FileOutcome = {
  path: string;
  format: FileFormat;
  bytes: number;
  error: FileErrorCode | null;
  tally: TallySnapshot | null;
  /** Read from disk (counts in totals.bytes) rather than out of an archive or a message. */
  onDisk: boolean;
};

/**
 * Limits against archive bombs (see OWASP "ZIP bomb"): members and nested archives together may inflate to at
 * most `maxTotalBytes` per file named on the command line; a member larger than `maxRatioFreeBytes` may not be
 * compressed more than `maxRatio` times; archives nest at most `maxDepth` deep.
 */
export const archiveLimits = {
  maxTotalBytes: 8 * 1024 ** 3,
  maxRatio: 200,
  maxRatioFreeBytes: 16 * 1024 ** 2,
  maxDepth: 5,
  /** Members that are not streamed (office files, PDFs, nested archives) are read whole up to this size. */
  maxBufferedMember: 512 * 1024 ** 2,
};

export type ScanContext = {
  listPeople: boolean;
  onBytes: (bytes: number) => void;
  /** Bytes archives may still inflate to, shared by everything inside one file named on the command line. */
  budget: { remaining: number };
  depth: number;
};

/** A file to scan: on disk, or already in memory (a member of an archive, an attachment). */
export type FileSource = { display: string; size: number; onDisk: boolean } & (
  | { path: string }
  | { buffer: Buffer }
  | { stream: () => Promise<Readable> }
);

const textFormats = new Set<FileFormat>(['csv', 'tsv', 'text', 'log', 'json', 'jsonl']);

// One buffer per thread for the heads read (module state is per worker): a new one per file made a folder of
// 20 000 small files allocate 1.3 GB outside the heap, freed only by collections.
let heads = Buffer.allocUnsafe(0);

/**
 * The first bytes of a file on disk, read at once (a folder of small files waited on asynchronous reads): a view of
 * this thread's one buffer, valid until the next call (read it before anything is awaited).
 */
export function readHead(path: string, bytes: number): Buffer {
  if (heads.length < bytes) heads = Buffer.allocUnsafe(bytes);
  const head = heads;
  const fd = openSync(path, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

async function wholeOf(source: FileSource): Promise<Buffer> {
  if ('buffer' in source) return source.buffer;
  if ('path' in source) {
    const handle = await openFile(source.path, 'r');
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }
  const chunks: Buffer[] = [];
  for await (const c of (await source.stream()) as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

async function* chunksOf(source: FileSource): AsyncIterable<Buffer> {
  if ('buffer' in source) {
    yield source.buffer;
    return;
  }
  const stream =
    'path' in source ? createReadStream(source.path, { highWaterMark: 1 << 20 }) : await source.stream();
  yield* stream as AsyncIterable<Buffer>;
}

async function openZipOf(source: FileSource): Promise<OpenedZip> {
  return 'path' in source ? openZip({ path: source.path }) : openZip({ buffer: await wholeOf(source) });
}

/**
 * Scans one file of any supported format. Returns its outcome first, then those of the files inside it (archive
 * members, attachments). Never throws for bad content: a damaged file is an outcome with an error.
 */
export async function scanFile(source: FileSource, ctx: ScanContext): Promise<FileOutcome[]> {
  let format: FileFormat = 'unknown';
  const outcome = (error: FileErrorCode | null, tally: ScanTally | null): FileOutcome => ({
    path: source.display,
    format,
    bytes: source.size,
    error,
    tally: tally ? tally.snapshot() : null,
    onDisk: source.onDisk,
  });
  // A file on disk is read from once for its format and, when it is text, its layout; of a streamed archive member
  // (only ever text, chosen by name) only the name tells.
  let head: Buffer;
  try {
    head =
      'path' in source
        ? readHead(source.path, textHead)
        : 'buffer' in source
          ? source.buffer
          : Buffer.alloc(0);
    format = fileFormat(source.display, head);
  } catch {
    return [outcome('unreadable', null)];
  }
  const tally = new ScanTally(ctx.listPeople);
  const inner: FileOutcome[] = [];
  try {
    if (textFormats.has(format)) {
      const text = {
        format: format as TextFormat,
        file: source.display,
        tally,
        ...(source.onDisk ? { onBytes: ctx.onBytes } : {}),
      };
      if (!('path' in source && scanTextFile({ ...text, path: source.path, head }))) {
        await scanText({ ...text, chunks: chunksOf(source) });
      }
      return [outcome(null, tally)];
    }
    if (format === 'unknown') return [outcome('unsupported', null)];
    if (format === 'pdf') {
      const data = await wholeOf(source);
      if (data.subarray(0, 1024).includes('/Encrypt')) return [outcome('encrypted', null)];
      await scanPdf({ data, file: source.display, tally });
    } else if (format === 'eml') {
      const attachments = await scanEml({ data: await wholeOf(source), file: source.display, tally });
      for (const a of attachments) {
        const display = `${source.display}!/${path.basename(a.name)}`;
        inner.push(
          ...(await scanFile({ display, size: a.content.length, onDisk: false, buffer: a.content }, ctx)),
        );
      }
    } else {
      const zip = await openZipOf(source);
      try {
        if (format === 'xlsx') await scanXlsx({ zip, file: source.display, tally });
        else if (format === 'docx') await scanDocx({ zip, file: source.display, tally });
        else if (format === 'ods') await scanOds({ zip, file: source.display, tally });
        else if (format === 'odt') await scanOdt({ zip, file: source.display, tally });
        else inner.push(...(await scanArchive(zip, source.display, ctx)));
      } finally {
        zip.close();
      }
    }
  } catch {
    // The library's message may quote the file's content; the outcome names the kind of failure only.
    return [outcome('corrupt', null), ...inner];
  }
  if (source.onDisk) ctx.onBytes(source.size);
  return [outcome(null, tally), ...inner];
}

function memberRefusal(member: ZipMember, ctx: ScanContext): FileErrorCode | null {
  if (member.unsafe) return 'unsafePath';
  if (member.encrypted) return 'encrypted';
  const ratio = member.uncompressedSize / Math.max(member.compressedSize, 1);
  if (member.uncompressedSize > archiveLimits.maxRatioFreeBytes && ratio > archiveLimits.maxRatio)
    return 'bomb';
  if (member.uncompressedSize > ctx.budget.remaining) return 'bomb';
  return null;
}

/** The members of a ZIP, each scanned as a file; nested archives recurse within the limits. */
async function scanArchive(zip: OpenedZip, display: string, ctx: ScanContext): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const member of zip.members) {
    if (member.directory) continue;
    const memberDisplay = `${display}!/${member.name}`;
    const refused = memberRefusal(member, ctx);
    const format = fileFormat(member.name, Buffer.alloc(0));
    const fail = (error: FileErrorCode): FileOutcome => ({
      path: memberDisplay,
      format,
      bytes: member.uncompressedSize,
      error,
      tally: null,
      onDisk: false,
    });
    if (refused) {
      out.push(fail(refused));
      continue;
    }
    ctx.budget.remaining -= member.uncompressedSize;
    const nested = !textFormats.has(format);
    if (nested && ctx.depth + 1 > archiveLimits.maxDepth) {
      out.push(fail('tooDeep'));
      continue;
    }
    const childCtx = { ...ctx, depth: ctx.depth + 1 };
    const base = { display: memberDisplay, size: member.uncompressedSize, onDisk: false };
    if (!nested) {
      out.push(...(await scanFile({ ...base, stream: () => zip.open(member) }, childCtx)));
      continue;
    }
    let buffer: Buffer;
    try {
      buffer = await readMember(zip, member, archiveLimits.maxBufferedMember);
    } catch (error) {
      out.push(fail(error instanceof Error && error.message === 'member too large' ? 'bomb' : 'corrupt'));
      continue;
    }
    out.push(...(await scanFile({ ...base, buffer }, childCtx)));
  }
  return out;
}
