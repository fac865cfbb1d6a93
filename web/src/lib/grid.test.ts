import { describe, expect, it } from 'vitest';
import { gridStyles, planGrid, rowSizes } from './grid';

// Row sizes computed by hand from the rule: ceil(n / columns) rows, one fewer while the shortest would hold one
// card, the cards spread evenly with the longer rows first.
const EXPECTED: Record<number, number[][]> = {
  1: [[1], [1, 1], [1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1],
    [1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
  2: [[1], [2], [3], [2, 2], [3, 2], [2, 2, 2], [3, 2, 2], [2, 2, 2, 2], [3, 2, 2, 2], [2, 2, 2, 2, 2], [3, 2, 2, 2, 2]],
  3: [[1], [2], [3], [2, 2], [3, 2], [3, 3], [3, 2, 2], [3, 3, 2], [3, 3, 3], [3, 3, 2, 2], [3, 3, 3, 2]],
  4: [[1], [2], [3], [4], [3, 2], [3, 3], [4, 3], [4, 4], [3, 3, 3], [4, 3, 3], [4, 4, 3]],
  6: [[1], [2], [3], [4], [5], [6], [4, 3], [4, 4], [5, 4], [5, 5], [6, 5]],
};

describe('rowSizes', () => {
  for (const [columns, rows] of Object.entries(EXPECTED)) {
    it(`fills ${columns} column(s) without a lone card for 1..11 cards`, () => {
      rows.forEach((expected, i) => expect(rowSizes(i + 1, Number(columns)), `${i + 1} cards`).toEqual(expected));
    });
  }

  it('has no rows without cards', () => {
    expect(rowSizes(0, 4)).toEqual([]);
  });
});

describe('planGrid', () => {
  it('gives every row the same tracks, shared equally by its cards', () => {
    // 11 cards at 6 columns: 6 + 5 over lcm(6, 5) = 30 tracks.
    expect(planGrid(11, 6)).toEqual({ tracks: 30, spans: [5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6] });
    // 11 cards at 2 columns: 3 + 2 + 2 + 2 + 2 over 6 tracks.
    expect(planGrid(11, 2)).toEqual({ tracks: 6, spans: [2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3] });
    // 9 cards at 4 columns (today's nine cards): 3 + 3 + 3, no row stretched.
    expect(planGrid(9, 4)).toEqual({ tracks: 3, spans: [1, 1, 1, 1, 1, 1, 1, 1, 1] });
    // 5 cards at 4 columns: 3 + 2 over 6 tracks.
    expect(planGrid(5, 4)).toEqual({ tracks: 6, spans: [2, 2, 2, 3, 3] });
    // 4 cards at 6 columns: one row of 4, stretched to the grid's width.
    expect(planGrid(4, 6)).toEqual({ tracks: 4, spans: [1, 1, 1, 1] });
    expect(planGrid(0, 6)).toEqual({ tracks: 1, spans: [] });
  });
});

describe('gridStyles', () => {
  it('names the tracks and spans of every breakpoint as custom properties', () => {
    const { grid, items } = gridStyles(7);
    expect(grid).toEqual({
      '--grid-sm': 'repeat(6, minmax(0, 1fr))', // 3 + 2 + 2
      '--grid-lg': 'repeat(6, minmax(0, 1fr))', // 3 + 2 + 2
      '--grid-xl': 'repeat(12, minmax(0, 1fr))', // 4 + 3
      '--grid-2xl': 'repeat(12, minmax(0, 1fr))', // 4 + 3
    });
    expect(items[0]).toEqual({ '--span-sm': 2, '--span-lg': 2, '--span-xl': 3, '--span-2xl': 3 });
    expect(items[6]).toEqual({ '--span-sm': 3, '--span-lg': 3, '--span-xl': 4, '--span-2xl': 4 });
  });
});
