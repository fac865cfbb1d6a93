import { describe, expect, it } from 'vitest';
import { formatDateTime, inZone, isZone, offsetName, parseSetting, readerParams } from './readerZone';

describe('readerZone', () => {
  it('shows the wall-clock time of an instant in half, quarter hour and daylight-saving zones', () => {
    const at = (iso: string, zone: string) => {
      const d = inZone(new Date(iso), zone);
      return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
    };
    expect(at('2026-11-01T18:30:00Z', 'Asia/Kolkata')).toEqual([2026, 11, 2, 0, 0]);
    expect(at('2026-11-01T18:15:00Z', 'Asia/Kathmandu')).toEqual([2026, 11, 2, 0, 0]);
    expect(at('2026-10-03T13:30:00Z', 'Australia/Lord_Howe')).toEqual([2026, 10, 4, 0, 0]);   // +10:30
    expect(at('2026-10-04T13:00:00Z', 'Australia/Lord_Howe')).toEqual([2026, 10, 5, 0, 0]);   // +11 after the change
    expect(at('2026-11-01T05:30:00Z', 'America/New_York')).toEqual([2026, 11, 1, 1, 30]);     // 01:30 EDT
    expect(at('2026-11-01T06:30:00Z', 'America/New_York')).toEqual([2026, 11, 1, 1, 30]);     // 01:30 EST, again
  });

  it('names the offset of the instant', () => {
    expect(offsetName(new Date('2026-11-29T12:00:00Z'), 'Asia/Kolkata')).toBe('GMT+5:30');
    expect(offsetName(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('GMT-4');
    expect(offsetName(new Date('2026-12-01T12:00:00Z'), 'America/New_York')).toBe('GMT-5');
    expect(formatDateTime('2026-11-29T12:00:00Z', 'Asia/Kathmandu')).toBe('Nov 29, 2026, 17:45 GMT+5:45');
  });

  it('accepts only zones and week starts it knows', () => {
    expect(isZone('Asia/Kolkata')).toBe(true);
    expect(isZone('Mars/Olympus_Mons')).toBe(false);
    expect(isZone('')).toBe(false);
    expect(parseSetting({ timeZone: 'Asia/Kolkata', weekStart: 'sunday' })).toEqual({ timeZone: 'Asia/Kolkata', weekStart: 'sunday' });
    expect(parseSetting({ timeZone: 'Asia/Kolkata', weekStart: 'Sunday' })).toBeNull();
    expect(parseSetting({ timeZone: 'nowhere', weekStart: 'monday' })).toBeNull();
    expect(parseSetting(null)).toBeNull();
    expect(readerParams({ timeZone: 'UTC', weekStart: 'monday' })).toEqual({ tz: 'UTC', weekStart: 'monday' });
  });
});
