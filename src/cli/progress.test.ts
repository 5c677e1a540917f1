import { describe, expect, it } from 'vitest';
import { createProgress, PROGRESS_MIN } from './progress';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 80, write: (s: string) => writes.push(s) };
}

describe('createProgress', () => {
  it('silent when not a terminal or for short lists', () => {
    const s = stream(false);
    const p = createProgress(100_000, s, 'x');
    p.update(50_000);
    p.end();
    expect(s.writes).toEqual([]);
    const t = stream(true);
    createProgress(PROGRESS_MIN, t, 'x').update(PROGRESS_MIN);
    expect(t.writes).toEqual([]);
  });

  it('draws a throttled bar on a terminal and clears it at the end', () => {
    const s = stream(true);
    let now = 0;
    const p = createProgress(10_000, s, 'classifying', () => now);
    p.update(1000);
    now = 50;
    p.update(2000); // throttled
    now = 200;
    p.update(5000);
    p.update(10_000); // the last update always draws
    p.end();
    expect(s.writes.length).toBe(4);
    expect(s.writes[0]).toMatch(/^\rclassifying \[#+\.+\] {2}10% 1000\/10000$/);
    expect(s.writes[1]).toMatch(/ 50% 5000\/10000$/);
    expect(s.writes[2]).toMatch(/100% 10000\/10000$/);
    expect(s.writes[3]).toBe('\r\u001b[2K');
  });
});
