import { createReadStream } from 'node:fs';
import { ByteScanner } from './byte-scanner.ts';
import { scanChunks } from './scan-chunks.ts';
import { ScanTally, type TallySnapshot } from './scan-tally.ts';
import type { TextLayout } from './text-layout.ts';

/** One part of a large text file, cut at a line end, for one worker thread. */
export type RangeTask = {
  path: string;
  display: string;
  start: number;
  end: number;
  layout: TextLayout;
  /** Whether the part begins inside a quoted CSV field (known only after the part before it). */
  startInQuotes: boolean;
  listPeople: boolean;
};

export type RangeOutcome = { tally: TallySnapshot; endsInQuotes: boolean };

export async function scanRange(task: RangeTask, onBytes?: (bytes: number) => void): Promise<RangeOutcome> {
  const tally = new ScanTally(task.listPeople);
  const { layout } = task;
  const scanner = new ByteScanner({
    tally,
    mode: layout.mode,
    encoding: layout.encoding,
    columns: layout.columns,
    countRecords: layout.countRecords,
    file: task.display,
    ...(layout.delimiter === undefined ? {} : { delimiter: layout.delimiter }),
  });
  scanner.inQuotes = task.startInQuotes;
  let endsInQuotes = false;
  if (task.end > task.start) {
    const stream = createReadStream(task.path, {
      start: task.start,
      end: task.end - 1,
      highWaterMark: 1 << 20,
    });
    await scanChunks(stream as AsyncIterable<Buffer>, scanner, onBytes, undefined, (s) => {
      endsInQuotes = s.inQuotes;
    });
  } else scanner.finish();
  return { tally: tally.snapshot(), endsInQuotes };
}
