import { describe, expect, it } from 'vitest';
import { parseViewState, toSearch } from './urlState';

describe('urlState', () => {
  it('reads the asOf of a digest link, and nothing else as one', () => {
    expect(parseViewState('?timeframe=7d&scope=ws_1&asOf=2026-12-07T08:00:00Z'))
      .toEqual({ timeframe: '7d', scope: 'ws_1', asOf: '2026-12-07T08:00:00Z' });
    expect(parseViewState('?asOf=2026-12-07T08:00:00.250Z').asOf).toBe('2026-12-07T08:00:00.250Z');
    for (const bad of ['2026-12-07', '2026-12-07T08:00:00', '2026-12-07T08:00:00+01:00', 'now', '2026-13-40T99:00:00Z', '']) {
      expect(parseViewState(`?asOf=${encodeURIComponent(bad)}`).asOf).toBeNull();
    }
  });

  it('writes asOf when set and removes it when not, keeping the rest of the query', () => {
    expect(toSearch({ timeframe: '24h', scope: null, asOf: '2026-12-07T08:00:00Z' }, '?x=1'))
      .toBe('?x=1&timeframe=24h&asOf=2026-12-07T08%3A00%3A00Z');
    expect(toSearch({ timeframe: '24h', scope: 'ws_1', asOf: null }, '?asOf=2026-12-07T08:00:00Z')).toBe('?timeframe=24h&scope=ws_1');
  });
});
