import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressBar } from '../../src/scan/progress-bar.ts';

describe('the scan progress bar', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives no time left before half a second of reading, then one from the rate, and 0:00 when done', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
    const lines: string[] = [];
    const bar = new ProgressBar({ write: (text: string) => lines.push(text) });
    const mib = 1024 * 1024;
    const at = (bytesDone: number) => ({ bytesDone, bytesTotal: 100 * mib, filesDone: 0, filesTotal: 1 });
    // A file's header is reported read at once, 2 ms in: no rate to go by yet.
    vi.setSystemTime(new Date('2026-11-22T12:00:00.002Z'));
    bar.update(at(130));
    expect(lines.at(-1)).toContain('--:--');
    vi.setSystemTime(new Date('2026-11-22T12:00:01Z'));
    bar.update(at(10 * mib)); // 10 MiB/s, 90 MiB to go
    expect(lines.at(-1)).toContain(' 10% 10.0/100.0 MiB  10.0 MiB/s  0:09 ');
    vi.setSystemTime(new Date('2026-11-22T12:00:02Z'));
    bar.update(at(100 * mib));
    expect(lines.at(-1)).toContain('100% 100.0/100.0 MiB  50.0 MiB/s  0:00 ');
  });
});
