import path from 'node:path';

export type FileFormat =
  | 'csv'
  | 'tsv'
  | 'text'
  | 'log'
  | 'json'
  | 'jsonl'
  | 'xlsx'
  | 'docx'
  | 'ods'
  | 'odt'
  | 'pdf'
  | 'eml'
  | 'zip'
  | 'unknown';

const byExtension: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'text',
  '.md': 'text',
  '.xml': 'text',
  '.html': 'text',
  '.htm': 'text',
  '.log': 'log',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.docx': 'docx',
  '.ods': 'ods',
  '.odt': 'odt',
  '.pdf': 'pdf',
  '.eml': 'eml',
  '.zip': 'zip',
};

/** The format of a file from its name and first bytes (the bytes win: a renamed ZIP is still a ZIP). */
export function fileFormat(name: string, head: Uint8Array): FileFormat {
  const ext = path.extname(name).toLowerCase();
  const known = byExtension[ext];
  const zipMagic =
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 3 || head[2] === 5) &&
    (head[3] === 4 || head[3] === 6);
  if (zipMagic)
    return known === 'xlsx' || known === 'docx' || known === 'ods' || known === 'odt' ? known : 'zip';
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'pdf';
  // A container extension without its signature stays that format: its reader reports the damage.
  if (known) return known;
  // No known extension: text when the first bytes hold no control characters other than whitespace.
  let control = 0;
  for (let k = 0; k < Math.min(head.length, 4096); k++) {
    const c = head[k]!;
    if (c < 9 || (c > 13 && c < 27) || c === 127) control++;
  }
  return head.length > 0 && control === 0 ? 'text' : 'unknown';
}
