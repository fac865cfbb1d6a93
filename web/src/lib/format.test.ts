import { describe, expect, it } from 'vitest';
import { formatChange, formatCompact, formatCount, formatCurrency, formatPercent, formatPp, formatRatio, formatSeconds, formatValue, NA } from './format';

describe('format', () => {
  it('groups counts and compacts from a million', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(999_999)).toBe('999,999');
    expect(formatCount(1_234_567)).toBe('1.2M');
    expect(formatCompact(1200)).toBe('1.2K');
  });

  it('writes currency in whole dollars from $1,000 and with cents below', () => {
    expect(formatCurrency(48250.4)).toBe('$48,250');
    expect(formatCurrency(84.5)).toBe('$84.50');
    expect(formatCurrency(0)).toBe('$0.00');
    expect(formatCurrency(-1500)).toBe('-$1,500');
    expect(formatCurrency(123_456_789)).toBe('$123.5M');
  });

  it('writes percentages, percentage points, ratios and runtimes', () => {
    expect(formatPercent(97.456)).toBe('97.5%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPp(1.25)).toBe('+1.3 pp');
    expect(formatPp(-2)).toBe('-2.0 pp');
    expect(formatRatio(3.24)).toBe('3.2×');
    expect(formatSeconds(0.853)).toBe('0.85 s');
    expect(formatSeconds(42.31)).toBe('42.3 s');
    expect(formatSeconds(210)).toBe('3.5 min');
    expect(formatSeconds(4320)).toBe('1.2 h');
  });

  it('turns null, undefined and non-finite numbers into n/a', () => {
    for (const f of [formatCount, formatCompact, formatCurrency, formatPercent, formatPp, formatRatio, formatSeconds]) {
      expect(f(null)).toBe(NA);
      expect(f(undefined)).toBe(NA);
      expect(f(Number.NaN)).toBe(NA);
    }
    expect(formatChange(null, 'percent')).toBe('n/a');
    expect(formatChange(null, 'pp')).toBe('n/a');
  });

  it('signs changes: relative in %, rates in pp, and no "-0.0"', () => {
    expect(formatChange(12.345, 'percent')).toBe('+12.3%');
    expect(formatChange(-4, 'percent')).toBe('-4.0%');
    expect(formatChange(2.5, 'pp')).toBe('+2.5 pp');
    expect(formatChange(-0.01, 'percent')).toBe('0.0%');
    expect(formatChange(0, 'pp')).toBe('0.0 pp');
  });

  it('formats by the unit of meta.metricInfo', () => {
    expect(formatValue(1500, 'count')).toBe('1,500');
    expect(formatValue(1500, 'currency')).toBe('$1,500');
    expect(formatValue(15, 'percent')).toBe('15.0%');
    expect(formatValue(15, 'seconds')).toBe('15.0 s');
    expect(formatValue(1.5, 'ratio')).toBe('1.5×');
  });
});
