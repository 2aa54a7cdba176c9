// Child process of scan-bench.ts (run by bench/bundled.mjs): scans one file and reports the time from the call of
// scanPaths, split into its phases, and the process's peak memory.
import { resourceUsage } from 'node:process';
import { scanPaths } from '../src/scan/scan-paths.ts';

const file = process.argv[2]!;
// performance.now() counts from the process's start: the time before the call is the start-up (loading the code).
const start = performance.now();
// When the last byte was reported scanned (a part reports its last bytes when its keys are coded): what follows is
// the merging and counting of the keys.
let lastByteAt = start;
const result = await scanPaths({
  paths: [file],
  asOf: new Date().toISOString().slice(0, 10),
  // As `incydent scan` runs it: this thread scans beside the workers.
  scanHere: true,
  onProgress: (p) => {
    if (p.bytesDone >= p.bytesTotal && lastByteAt === start) lastByteAt = performance.now();
  },
});
const end = performance.now();
const ms = end - start;
process.stdout.write(
  JSON.stringify({
    ms,
    startupMs: start,
    scanningMs: lastByteAt - start,
    countingMs: end - lastByteAt,
    peakRssMb: (resourceUsage().maxRSS * 1024) / 1e6,
    pesel: result.totals.identifiers.pesel.valid,
    records: result.totals.records,
  }),
);
