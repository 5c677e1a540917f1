/**
 * A progress line on stderr for long lists: only past PROGRESS_MIN rows and only on a terminal, so
 * pipes, files and CI logs never see it. With the input's size known it shows a bar (bytes read),
 * else the count of rows.
 */
export const PROGRESS_MIN = 5000;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface Progress {
  /** `done` bytes read of `total` (when known), `rows` rows audited so far. */
  update(done: number, rows: number): void;
  end(): void;
}

const NOOP: Progress = { update() {}, end() {} };

export function createProgress(total: number | null, stream: ProgressStream, label: string, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return NOOP;
  let last = -Infinity;
  let shown = false;
  const barWidth = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
  return {
    update(done, rows) {
      if (rows <= PROGRESS_MIN) return;
      const t = now();
      const finished = total !== null && done >= total;
      if (t - last < 100 && !finished) return;
      last = t;
      if (total) {
        const f = Math.min(1, done / total);
        const full = Math.round(f * barWidth);
        stream.write(`\r${label} [${'#'.repeat(full)}${'.'.repeat(barWidth - full)}] ${String(Math.floor(f * 100)).padStart(3)}% ${rows}`);
      } else {
        stream.write(`\r${label} ${rows}`);
      }
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
