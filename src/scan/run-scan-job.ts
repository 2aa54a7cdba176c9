import { countRuns } from './key-set.ts';
import type { ListedFile } from './list-files.ts';
import { archiveLimits, type FileErrorCode, type FileOutcome, scanFile } from './scan-file.ts';
import type { ScanFileResult } from './scan-paths.ts';
import { type RangeOutcome, type RangeTask, scanRange } from './scan-range.ts';
import {
  type CountSet,
  fileIdentifiers,
  ScanTally,
  snapshotTransferList,
  type TallySnapshot,
} from './scan-tally.ts';

/** A file scanned whole (or a member of it), as the result lists it; its error is worded by the caller. */
export type FileSummary = Omit<ScanFileResult, 'error'> & { error: FileErrorCode | null };

/**
 * A unit of work for a thread: part of a large text file; files of any format scanned whole, one after another
 * (small files go together: a job each, a folder of ten thousand spent more time passing jobs and results between
 * threads than scanning); or the distinct keys of some of a file's key sets to count (see ScanTally.count).
 */
export type ScanJob =
  | { kind: 'range'; task: RangeTask }
  | { kind: 'files'; files: ListedFile[]; listPeople: boolean }
  | { kind: 'count'; sets: CountSet[] };

export type ScanJobResult =
  | { kind: 'range'; outcome: RangeOutcome }
  /** Each file's summaries (the file, then what it holds: archive members, attachments), and all their keys. */
  | { kind: 'files'; files: FileSummary[][]; tally: TallySnapshot }
  | { kind: 'count'; counts: number[]; sets: CountSet[] };

export async function runScanJob(job: ScanJob, onBytes: (bytes: number) => void): Promise<ScanJobResult> {
  if (job.kind === 'range') return { kind: 'range', outcome: scanRange(job.task, onBytes) };
  if (job.kind === 'count') {
    return { kind: 'count', counts: job.sets.map((set) => countRuns(set.lanes, set.runs)), sets: job.sets };
  }
  const tally = new ScanTally(job.listPeople);
  const files: FileSummary[][] = [];
  for (const file of job.files) {
    const outcomes = await scanWhole(file, job.listPeople, onBytes);
    files.push(outcomes.map(summaryOf));
    for (const o of outcomes) if (o.tally) tally.merge(o.tally);
  }
  return { kind: 'files', files, tally: tally.snapshot() };
}

async function scanWhole(
  file: ListedFile,
  listPeople: boolean,
  onBytes: (bytes: number) => void,
): Promise<FileOutcome[]> {
  let reported = 0;
  const outcomes = await scanFile(
    { display: file.display, size: file.size, onDisk: true, path: file.path },
    {
      listPeople,
      // Text files report as they go; other formats when done. Never report more than the file's size.
      onBytes: (bytes) => {
        const add = Math.min(bytes, file.size - reported);
        reported += add;
        if (add > 0) onBytes(add);
      },
      budget: { remaining: archiveLimits.maxTotalBytes },
      depth: 0,
    },
  );
  if (reported < file.size) onBytes(file.size - reported);
  return outcomes;
}

/** What the result lists of a file: its distinct keys are those of its snapshot's one run (see takeBlocks). */
function summaryOf(o: FileOutcome): FileSummary {
  const t = o.tally;
  return {
    path: o.path,
    format: o.format,
    bytes: o.bytes,
    records: t?.records ?? 0,
    error: o.error,
    identifiers: t ? fileIdentifiers(t, (k) => t.keys[k].reduce((n, block) => n + block.count, 0)) : {},
  };
}

/** The buffers a job's key blocks are on, transferred with it (the sets of a count). */
export function countTransferList(sets: readonly CountSet[]): ArrayBuffer[] {
  return sets.flatMap((set) =>
    set.runs.flatMap((run) => run.blocks.map((b) => b.bytes.buffer as ArrayBuffer)),
  );
}

export function jobTransferList(result: ScanJobResult): ArrayBuffer[] {
  if (result.kind === 'range') return snapshotTransferList(result.outcome.tally);
  if (result.kind === 'count') return countTransferList(result.sets);
  return snapshotTransferList(result.tally);
}
