// Child process of scan-bench.ts: scans one file and reports time and peak memory, apart from the generator's.
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
