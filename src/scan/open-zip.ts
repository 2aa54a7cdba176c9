import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';

export type ZipMember = {
  name: string;
  /** Why the name is refused (absolute, `..`, drive letter), or null. */
  unsafe: string | null;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  directory: boolean;
  entry: yauzl.Entry;
};

export type OpenedZip = {
  members: ZipMember[];
  open(member: ZipMember): Promise<Readable>;
  close(): void;
};

/** Most members one archive may list; more is refused as a bomb. */
export const maxZipMembers = 100_000;

/**
 * Opens a ZIP (from disk or memory) and lists its members. Names are decoded here rather than by yauzl, so one
 * member with a path trick is refused on its own instead of aborting the whole archive. yauzl checks each
 * member's real size against its declared size while inflating, which stops bombs that lie about their size.
 */
export async function openZip(source: { path: string } | { buffer: Buffer }): Promise<OpenedZip> {
  // Loaded on first use, so scan threads that only read text files start faster.
  const { default: yauzl } = await import('yauzl');
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
  const zip =
    'path' in source
      ? await yauzl.openPromise(source.path, options)
      : await yauzl.fromBufferPromise(source.buffer, options);
  const members: ZipMember[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        false,
      );
      members.push({
        name,
        unsafe: yauzl.validateFileName(name),
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        encrypted: entry.isEncrypted(),
        directory: name.endsWith('/'),
        entry,
      });
      if (members.length > maxZipMembers) reject(new Error('too many members'));
      else zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    members,
    open: (member) => zip.openReadStreamPromise(member.entry),
    close: () => zip.close(),
  };
}

/** Reads a member whole, refusing more than `limit` bytes. */
export async function readMember(zip: OpenedZip, member: ZipMember, limit: number): Promise<Buffer> {
  if (member.uncompressedSize > limit) throw new Error('member too large');
  const stream = await zip.open(member);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw new Error('member too large');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
