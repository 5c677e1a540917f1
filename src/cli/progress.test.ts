import { describe, expect, it } from 'vitest';
import { createProgress, PROGRESS_MIN } from './progress';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 80, write: (s: string) => writes.push(s) };
}

describe('createProgress', () => {
  it('silent when not a terminal, and for short lists', () => {
    const s = stream(false);
    const p = createProgress(1000, s, 'x');
    p.update(500, 100_000);
    p.end();
    expect(s.writes).toEqual([]);
    const t = stream(true);
    createProgress(1000, t, 'x').update(1000, PROGRESS_MIN);
    expect(t.writes).toEqual([]);
  });

  it('a throttled bar of the bytes read when the size is known; cleared at the end', () => {
    const s = stream(true);
    let now = 0;
    const p = createProgress(10_000, s, 'auditing', () => now);
    p.update(1000, 6000);
    now = 50;
    p.update(2000, 7000); // throttled
    now = 200;
    p.update(5000, 8000);
    p.update(10_000, 9000); // the end always draws
    p.end();
    expect(s.writes.length).toBe(4);
    expect(s.writes[0]).toMatch(/^\rauditing \[#+\.+\] {2}10% 6000$/);
    expect(s.writes[1]).toMatch(/ 50% 8000$/);
    expect(s.writes[2]).toMatch(/100% 9000$/);
    expect(s.writes[3]).toBe('\r\u001b[2K');
  });

  it('the count of rows when the size is not known (standard input)', () => {
    const s = stream(true);
    const p = createProgress(null, s, 'auditing', () => 1000);
    p.update(123, 7000);
    expect(s.writes).toEqual(['\rauditing 7000']);
  });
});
