import { countRuns } from './key-set.ts';
import { archiveLimits, type FileOutcome, scanFile } from './scan-file.ts';
import { type RangeOutcome, type RangeTask, scanRange } from './scan-range.ts';
import { type CountSet, snapshotTransferList } from './scan-tally.ts';

/**
 * A unit of work for a thread: part of a large text file, a whole file of any format, or the distinct keys of some
 * of a file's key sets to count (see ScanTally.count).
 */
export type ScanJob =
  | { kind: 'range'; task: RangeTask }
  | { kind: 'file'; path: string; display: string; size: number; listPeople: boolean }
  | { kind: 'count'; sets: CountSet[] };

export type ScanJobResult =
  | { kind: 'range'; outcome: RangeOutcome }
  | { kind: 'file'; outcomes: FileOutcome[] }
  | { kind: 'count'; counts: number[]; sets: CountSet[] };

export async function runScanJob(job: ScanJob, onBytes: (bytes: number) => void): Promise<ScanJobResult> {
  if (job.kind === 'range') return { kind: 'range', outcome: await scanRange(job.task, onBytes) };
  if (job.kind === 'count') {
    return { kind: 'count', counts: job.sets.map((set) => countRuns(set.lanes, set.runs)), sets: job.sets };
  }
  let reported = 0;
  const outcomes = await scanFile(
    { display: job.display, size: job.size, onDisk: true, path: job.path },
    {
      listPeople: job.listPeople,
      // Text files report as they go; other formats when done. Never report more than the file's size.
      onBytes: (bytes) => {
        const add = Math.min(bytes, job.size - reported);
        reported += add;
        if (add > 0) onBytes(add);
      },
      budget: { remaining: archiveLimits.maxTotalBytes },
      depth: 0,
    },
  );
  if (reported < job.size) onBytes(job.size - reported);
  return { kind: 'file', outcomes };
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
  return result.outcomes.flatMap((o) => (o.tally ? snapshotTransferList(o.tally) : []));
}
