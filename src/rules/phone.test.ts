import { describe, expect, it } from 'vitest';
import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday, isPhoneCanvassingAllowedAt, isoWeekday } from './phone.js';

describe('French public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
  ])('Easter %s is %s', (y, d) => {
    expect(easterSunday(y)).toBe(d);
  });

  it('lists the 11 days of 2026', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('isFrenchPublicHoliday', () => {
    expect(isFrenchPublicHoliday('2026-07-14')).toBe(true);
    expect(isFrenchPublicHoliday('2026-07-15')).toBe(false);
    expect(isFrenchPublicHoliday('junk')).toBe(false);
  });
});

describe('isPhoneCanvassingAllowedAt (D223-9)', () => {
  it('weekday', () => {
    expect(isoWeekday('2026-11-30')).toBe(1); // Monday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday
  });

  it.each([
    ['2026-11-30', '09:59', false],
    ['2026-11-30', '10:00', true],
    ['2026-11-30', '12:59', true],
    ['2026-11-30', '13:00', false],
    ['2026-11-30', '13:59', false],
    ['2026-11-30', '14:00', true],
    ['2026-11-30', '19:59', true],
    ['2026-11-30', '20:00', false],
    ['2026-12-04', '11:00', true], // Friday
    ['2026-11-28', '11:00', false], // Saturday
    ['2026-11-29', '11:00', false], // Sunday
    ['2026-11-11', '11:00', false], // Wednesday, Armistice
    ['2026-05-14', '11:00', false], // Thursday, Ascension
    ['2026-11-30', '25:00', false],
    ['bad', '11:00', false],
    ['2026-11-30', '11h', false],
  ])('%s %s → %s', (d, t, ok) => {
    expect(isPhoneCanvassingAllowedAt(d, t)).toBe(ok);
  });
});
