/**
 * A progress bar on stderr for long lists: only above PROGRESS_MIN rows and only on a terminal,
 * so pipes, files and CI logs never see it.
 */
export const PROGRESS_MIN = 5000;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface Progress {
  update(done: number): void;
  end(): void;
}

const NOOP: Progress = { update() {}, end() {} };

export function createProgress(
  total: number,
  stream: ProgressStream,
  label: string,
  now: () => number = Date.now,
): Progress {
  if (total <= PROGRESS_MIN || !stream.isTTY) return NOOP;
  let last = -Infinity;
  let shown = false;
  const barWidth = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
  const render = (done: number): void => {
    const f = total ? done / total : 1;
    const full = Math.round(f * barWidth);
    const pct = String(Math.floor(f * 100)).padStart(3);
    stream.write(`\r${label} [${'#'.repeat(full)}${'.'.repeat(barWidth - full)}] ${pct}% ${done}/${total}`);
    shown = true;
  };
  return {
    update(done) {
      const t = now();
      if (t - last < 100 && done < total) return;
      last = t;
      render(done);
    },
    end() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
