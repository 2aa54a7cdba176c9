// Loaded with `node --import` into a measured process: at exit it writes the process's peak resident memory (worker
// threads included) to the file named by INCYDENT_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.INCYDENT_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify({ peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6 }));
  });
}
