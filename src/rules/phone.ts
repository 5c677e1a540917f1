/**
 * Phone canvassing of consumers in France: allowed days and hours (C. conso D223-9), with the
 * national public holidays. Pure date arithmetic on ISO strings, no time-zone handling: pass the
 * consumer's local date and time.
 */
import { PHONE_CANVASSING_LIMITS } from './regime.js';

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Easter Sunday (Gregorian calendar), anonymous algorithm. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function addDays(isoDate: string, days: number): string {
  const t = Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) + days * 86400000;
  const dt = new Date(t);
  return iso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/**
 * The eleven national public holidays of metropolitan France (C. trav. L3133-1), sorted.
 * Alsace-Moselle (Good Friday, 26 December) and overseas days are not included.
 */
export function frenchPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    iso(year, 1, 1),
    addDays(easter, 1), // Easter Monday
    iso(year, 5, 1),
    iso(year, 5, 8),
    addDays(easter, 39), // Ascension
    addDays(easter, 50), // Whit Monday
    iso(year, 7, 14),
    iso(year, 8, 15),
    iso(year, 11, 1),
    iso(year, 11, 11),
    iso(year, 12, 25),
  ].sort();
}

function validIsoDate(d: unknown): d is string {
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
}

export function isFrenchPublicHoliday(date: string): boolean {
  if (!validIsoDate(date)) return false;
  return frenchPublicHolidays(+date.slice(0, 4)).includes(date);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10))).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/**
 * May a consumer be canvassed by phone at this local date ("YYYY-MM-DD") and time ("HH:MM")?
 * Monday–Friday, 10:00–13:00 or 14:00–20:00 (end excluded), not on a public holiday.
 * Invalid input gives false. The cap of 4 calls per 30 days is in PHONE_CANVASSING_LIMITS.
 */
export function isPhoneCanvassingAllowedAt(date: string, time: string): boolean {
  if (!validIsoDate(date) || typeof time !== 'string' || !/^\d{2}:\d{2}$/.test(time)) return false;
  const hh = +time.slice(0, 2);
  const mm = +time.slice(3, 5);
  if (hh > 23 || mm > 59) return false;
  if (!(PHONE_CANVASSING_LIMITS.weekdays as readonly number[]).includes(isoWeekday(date))) return false;
  if (isFrenchPublicHoliday(date)) return false;
  for (const w of PHONE_CANVASSING_LIMITS.windows) if (time >= w.from && time < w.to) return true;
  return false;
}
