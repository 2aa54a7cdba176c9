/**
 * `npm run bench:documents`: the median time of one UODO notification PDF (target < 200 ms) and the time and peak
 * memory of 10,000 personalised letters in one PDF (target < 60 s, < 500 MB). Letters go to a temporary file, as
 * the CLI writes them. Peak memory is the process's resident set size, sampled every 20 ms.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../src/documents/render-pdf.ts';
import { renderPdfStream } from '../src/documents/render-pdf-stream.ts';
import { breachCaseSchema } from '../src/domain/breach-case.ts';
import { buildSubjectLetter } from '../src/domain/documents/build-subject-letter.ts';
import { buildUodoNotification } from '../src/domain/documents/build-uodo-notification.ts';
import type { Recipient } from '../src/domain/documents/communication-audience.ts';

const caseFile = new URL('../examples/cases/mopr-bialystok-2019.json', import.meta.url);
const breach = breachCaseSchema.parse(JSON.parse(await readFile(caseFile, 'utf8')));
const generatedAt = new Date('2019-10-11T09:00:00Z');
const options = { lang: 'pl' as const, generatedAt, version: '1' };

const runs = 21;
const times: number[] = [];
await renderPdf(buildUodoNotification(breach, { ...options, phase: 'complete' })); // warm-up: fonts, JIT
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  await renderPdf(buildUodoNotification(breach, { ...options, phase: 'complete' }));
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)]!;

const firstNames = ['Anna', 'Jan', 'Zofia', 'Grzegorz', 'Małgorzata', 'Łukasz', 'Żaneta', 'Michał'];
const lastNames = [
  'Kowalska',
  'Nowak',
  'Wiśniewska',
  'Łęcki',
  'Żółkiewska',
  'Szczęsny',
  'Dąbrowska',
  'Gąsior',
];
function* letters(count: number) {
  for (let i = 0; i < count; i++) {
    const firstName = firstNames[i % firstNames.length]!;
    const recipient: Recipient = {
      firstName,
      lastName: lastNames[(i * 7) % lastNames.length]!,
      addressLines: [`ul. Lipowa ${1 + (i % 200)} m. ${1 + (i % 40)}`, '15-427 Białystok'],
      form: firstName.endsWith('a') ? 'female' : 'male',
    };
    yield buildSubjectLetter(breach, { ...options, recipient });
  }
}

const count = 10_000;
const folder = await mkdtemp(join(tmpdir(), 'incydent-bench-'));
const file = join(folder, 'letters.pdf');
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const start = performance.now();
await renderPdfStream(letters(count), createWriteStream(file));
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const size = (await stat(file)).size;
await rm(folder, { recursive: true });

const verdict = (ok: boolean) => (ok ? 'OK' : 'ABOVE TARGET');
console.log(
  `UODO notification PDF: median ${median.toFixed(1)} ms of ${runs} runs (target < 200 ms) ${verdict(median < 200)}`,
);
console.log(
  `${count.toLocaleString('en')} personalised letters in one PDF: ${seconds.toFixed(1)} s (target < 60 s) ${verdict(seconds < 60)}; ` +
    `peak RSS ${(peak / 1e6).toFixed(0)} MB (target < 500 MB) ${verdict(peak < 500e6)}; file ${(size / 1e6).toFixed(1)} MB`,
);
