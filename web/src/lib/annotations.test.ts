import { describe, expect, it } from 'vitest';
import { kindStyle, latestFrom, marksInRange, tipPlacement } from './annotations';
import type { Annotation } from './types';

const a = (id: string, at: string, kind = 'deploy', scope = 'ws_1', text = 'Release 4.2'): Annotation => ({ id, at, scope, kind, text });
// 2026-09-07T12:00:00Z is 1788782400 s.
const early = a('early', '2026-09-07T11:59:59Z');
const first = a('first', '2026-09-07T12:00:00Z');
const inside = a('inside', '2026-09-08T00:00:00Z', 'incident');
const last = a('last', '2026-09-08T12:00:00Z');
const late = a('late', '2026-09-08T12:00:01Z');

describe('marksInRange', () => {
  it('keeps those from min to max, both included, oldest first, with their x in seconds', () => {
    expect(marksInRange([late, inside, last, first, early], 1788782400, 1788868800)).toEqual([
      { annotation: first, x: 1788782400 }, { annotation: inside, x: 1788825600 }, { annotation: last, x: 1788868800 },
    ]);
  });
  it('drops a time it cannot read', () => {
    expect(marksInRange([a('bad', 'yesterday')], 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
  });
});

describe('latestFrom', () => {
  it('is the latest time from min on, or null when there is none', () => {
    expect(latestFrom([inside, late, early], 1788782400)).toBe(1788868801);
    expect(latestFrom([early], 1788782400)).toBeNull();
    expect(latestFrom([], 0)).toBeNull();
  });
});

describe('kindStyle', () => {
  it('gives each kind its own colour and draws an unknown kind as a note under its own name', () => {
    const colours = ['deploy', 'incident', 'campaign', 'note'].map((k) => kindStyle(k).color);
    expect(new Set(colours).size).toBe(4);
    expect(kindStyle('release')).toEqual({ label: 'release', color: kindStyle('note').color });
  });
});

describe('tipPlacement', () => {
  it('centres a 256 px tooltip on its flag, kept within the chart', () => {
    expect(tipPlacement(500, 1000)).toEqual({ left: 372, width: 256 });
    expect(tipPlacement(60, 1000)).toEqual({ left: 0, width: 256 });
    expect(tipPlacement(990, 1000)).toEqual({ left: 744, width: 256 });
  });
  it('takes the whole width of a chart narrower than that (a phone)', () => {
    expect(tipPlacement(200, 220)).toEqual({ left: 0, width: 220 });
  });
});
