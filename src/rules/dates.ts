/**
 * Calendar dates as the rules take them: "YYYY-MM-DD" (Gregorian, proleptic), optionally followed
 * by a time ("T…" or " …") that is ignored. A date that is not on the calendar (2026-02-31,
 * 2025-02-29, month 13) is refused, wherever it comes from: a CLI flag, a stored consent record,
 * a rule's effective dates.
 */

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "2026-08-11" or "2026-08-11T09:00:00Z" → "2026-08-11"; null for anything that is not a real calendar date. */
export function normalizeDate(d: unknown): string | null {
  if (typeof d !== 'string' || d.length < 10) return null;
  if (d.length > 10 && d.charCodeAt(10) !== 84 /* T */ && d.charCodeAt(10) !== 32) return null;
  for (let i = 0; i < 10; i++) {
    const c = d.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : !isDigit(c)) return null;
  }
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  if (m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m)) return null;
  return d.length === 10 ? d : d.slice(0, 10);
}

/** True when `d` is exactly a real calendar date "YYYY-MM-DD" (no time part). */
export function isCalendarDate(d: unknown): d is string {
  return typeof d === 'string' && d.length === 10 && normalizeDate(d) === d;
}

function format(d: Date): string {
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  const day = d.getDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

let todayText = '';
let todayEnds = 0;

/** The local date of `now` (default: now) as YYYY-MM-DD; today's is kept until local midnight. */
export function today(now?: Date): string {
  if (now !== undefined) return format(now);
  const t = Date.now();
  if (t >= todayEnds) {
    const d = new Date(t);
    todayText = format(d);
    todayEnds = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }
  return todayText;
}
