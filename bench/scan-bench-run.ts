// Child process of scan-bench.ts (run by bench/bundled.mjs): scans one file and reports the time from the call of
// scanPaths and the process's peak memory.
import { resourceUsage } from 'node:process';
import { scanPaths } from '../src/scan/scan-paths.ts';

const file = process.argv[2]!;
const start = performance.now();
const result = await scanPaths({ paths: [file], asOf: new Date().toISOString().slice(0, 10) });
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    ms,
    peakRssMb: (resourceUsage().maxRSS * 1024) / 1e6,
    pesel: result.totals.identifiers.pesel.valid,
    records: result.totals.records,
  }),
);
