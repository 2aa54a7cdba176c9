import type { ScanProgress } from './scan-paths.ts';

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A one-line progress bar (bytes, rate, time left) redrawn in place on a terminal, at most ten times a second. */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(private readonly out: { write(text: string): unknown }) {}

  update(p: ScanProgress): void {
    const now = Date.now();
    if (now - this.lastDraw < 100 && p.bytesDone < p.bytesTotal) return;
    this.lastDraw = now;
    const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 1;
    const width = 24;
    const filled = Math.round(fraction * width);
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? p.bytesDone / seconds : 0;
    // Time left once the rate means something: the first report (a file's header) comes before any part is read.
    const left =
      p.bytesDone >= p.bytesTotal
        ? 0
        : rate > 0 && seconds >= 0.5
          ? (p.bytesTotal - p.bytesDone) / rate
          : Number.POSITIVE_INFINITY;
    const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
    this.out.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
        `${mib(p.bytesDone)}/${mib(p.bytesTotal)} MiB  ${mib(rate)} MiB/s  ${clock(left)}  ` +
        `${p.filesDone}/${p.filesTotal}`,
    );
  }

  clear(): void {
    this.out.write('\r\x1b[2K');
  }
}
