import { archiveLimits, type FileOutcome, scanFile } from './scan-file.ts';
import { type RangeOutcome, type RangeTask, scanRange } from './scan-range.ts';
import { snapshotTransferList } from './scan-tally.ts';

/** A unit of work for a thread: part of a large text file, or a whole file of any format. */
export type ScanJob =
  | { kind: 'range'; task: RangeTask }
  | { kind: 'file'; path: string; display: string; size: number; listPeople: boolean };

export type ScanJobResult =
  | { kind: 'range'; outcome: RangeOutcome }
  | { kind: 'file'; outcomes: FileOutcome[] };

export async function runScanJob(job: ScanJob, onBytes: (bytes: number) => void): Promise<ScanJobResult> {
  if (job.kind === 'range') return { kind: 'range', outcome: await scanRange(job.task, onBytes) };
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

export function jobTransferList(result: ScanJobResult): ArrayBuffer[] {
  if (result.kind === 'range') return snapshotTransferList(result.outcome.tally);
  return result.outcomes.flatMap((o) => (o.tally ? snapshotTransferList(o.tally) : []));
}
