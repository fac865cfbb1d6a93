import { describe, expect, it } from 'vitest';
import { describeChange, toneOf } from './change';

describe('change colour by higher-is-better', () => {
  it('an increase is good when higher is better and bad when lower is better', () => {
    expect(describeChange(5, 'percent', true).tone).toBe('good');
    expect(describeChange(5, 'percent', false).tone).toBe('bad');
  });

  it('a decrease is bad when higher is better and good when lower is better', () => {
    expect(describeChange(-5, 'percent', true).tone).toBe('bad');
    expect(describeChange(-3, 'pp', false).tone).toBe('good');
  });

  it('null is n/a, neutral, without an arrow', () => {
    const v = describeChange(null, 'percent', true);
    expect(v).toMatchObject({ direction: 'none', tone: 'neutral', text: 'n/a' });
  });

  it('a change that rounds to zero is flat and neutral', () => {
    expect(describeChange(0.04, 'percent', true)).toMatchObject({ direction: 'flat', tone: 'neutral', text: '0.0%' });
  });

  it('rates change in percentage points and say so to screen readers', () => {
    const v = describeChange(-1.5, 'pp', true);
    expect(v.text).toBe('-1.5 pp');
    expect(v.label).toBe('down -1.5 pp vs the previous period (worse)');
  });

  it('toneOf covers every direction', () => {
    expect(toneOf('up', true)).toBe('good');
    expect(toneOf('down', false)).toBe('good');
    expect(toneOf('flat', true)).toBe('neutral');
    expect(toneOf('none', false)).toBe('neutral');
  });
});
