import { describe, expect, it } from 'vitest';
import { daysInMonth, isCalendarDate, normalizeDate, today } from './dates.js';

describe('normalizeDate — real calendar dates only', () => {
  it.each([
    ['2026-08-11', '2026-08-11'],
    ['2026-08-11T09:00:00Z', '2026-08-11'],
    ['2026-08-11 09:00', '2026-08-11'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2026-12-31', '2026-12-31'],
    ['2026-04-30', '2026-04-30'],
    ['2026-02-31', null],
    ['2026-02-29', null],
    ['1900-02-29', null],
    ['2026-04-31', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-01-00', null],
    ['2026-01-32', null],
    ['2026-1-1', null],
    ['2026/08/11', null],
    ['2026-08-11x', null],
    ['', null],
  ])('%j → %j', (input, out) => {
    expect(normalizeDate(input)).toBe(out);
  });

  it('refuses non-strings', () => {
    for (const v of [null, undefined, 20260811, {}, new Date()]) expect(normalizeDate(v)).toBeNull();
  });

  it('every day of four years, and only those, is a calendar date', () => {
    let count = 0;
    for (let y = 2023; y <= 2026; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(isCalendarDate(s), s).toBe(real);
          if (real) count++;
        }
      }
    }
    expect(count).toBe(365 * 3 + 366);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('today() is a calendar date in local time', () => {
    expect(isCalendarDate(today())).toBe(true);
    expect(today(new Date(2026, 1, 3, 23, 59))).toBe('2026-02-03');
  });
});
