import { describe, expect, it } from 'vitest';
import { describeSeries, formatPointTime, formatTick, readingAt, toColumns, type SeriesSpec } from './chartData';
import { formatCount } from './format';

const execution: SeriesSpec[] = [
  { key: 'value', label: 'Total', color: '#3b82f6' },
  { key: 'failed', label: 'Failed', color: '#ef4444' },
];
// Noon UTC: the same calendar day in every time zone a test machine may have.
const points = [
  { timestamp: '2026-09-07T12:00:00Z', value: 1200, failed: 30 },
  { timestamp: '2026-09-08T12:00:00Z', value: 800 },
  { timestamp: '2026-09-09T12:00:00Z', value: 1500, failed: 45 },
];

describe('toColumns', () => {
  it('gives x in Unix seconds and one column per series, null where a point lacks the value', () => {
    expect(toColumns(points, execution)).toEqual([
      [1788782400, 1788868800, 1788955200],
      [1200, 800, 1500],
      [30, null, 45],
    ]);
  });
});

describe('readingAt', () => {
  it('reads the point under the cursor, formatted', () => {
    expect(readingAt(points, 0, execution, formatCount, '90d')).toEqual({
      time: 'Mon, Sep 7, 2026',
      values: [{ label: 'Total', color: '#3b82f6', text: '1,200' }, { label: 'Failed', color: '#ef4444', text: '30' }],
    });
  });
  it('reads the latest point when the cursor is away, and n/a for a missing value', () => {
    expect(readingAt(points.slice(0, 2), null, execution, formatCount, '30d')?.values.map((v) => v.text)).toEqual(['800', 'n/a']);
  });
  it('has nothing to read without points', () => {
    expect(readingAt([], null, execution, formatCount, '90d')).toBeNull();
  });
});

describe('describeSeries', () => {
  it('names the span and each series first, last, lowest and highest value', () => {
    expect(describeSeries(points, execution, formatCount, '90d')).toBe(
      '3 points from Mon, Sep 7, 2026 to Wed, Sep 9, 2026. ' +
      'Total: first 1,200, last 1,500, lowest 800, highest 1,500. ' +
      'Failed: first 30, last 45, lowest 30, highest 45.');
  });
  it('says when there is nothing', () => {
    expect(describeSeries([], execution, formatCount, '90d')).toBe('No data in this period.');
  });
});

describe('time formats', () => {
  it('formats ticks and points per timeframe', () => {
    expect(formatTick(1788782400, '90d')).toBe('Sep 7');
    expect(formatTick(1788782400, 'all')).toBe('Sep 7, 26');
    expect(formatPointTime('2026-09-07T12:00:00Z', 'all')).toBe('Week of Sep 7, 2026');
    expect(formatPointTime('not a date', '90d')).toBe('not a date');
  });
});

describe('times in the reader\'s zone', () => {
  it('labels ticks and points at the zone\'s wall-clock time', () => {
    // Local midnight of 11-02 in Kolkata (+05:30) is 18:30Z on 11-01; in Kathmandu (+05:45), 18:15Z.
    expect(formatTick(Date.parse('2026-11-01T18:30:00Z') / 1000, '30d', 'Asia/Kolkata')).toBe('Nov 2');
    expect(formatTick(Date.parse('2026-11-01T18:15:00Z') / 1000, '7d', 'Asia/Kathmandu')).toBe('Mon 00:00');
    expect(formatPointTime('2026-11-01T04:00:00Z', '30d', 'America/New_York')).toBe('Sun, Nov 1, 2026');
    expect(formatPointTime('2026-11-01T11:00:00Z', '7d', 'America/New_York')).toBe('Nov 1, 2026, 6:00 AM');   // EST after the change
  });
});
