// How the metric cards fill the grid's rows, so that no card is left alone on a row at any breakpoint.
import type { CSSProperties } from 'react';

/** The grid's columns per breakpoint (Tailwind's sm, lg, xl, 2xl); phones have one column, where nothing is alone. */
export const GRID_COLUMNS = { sm: 2, lg: 3, xl: 4, '2xl': 6 } as const;

export type Breakpoint = keyof typeof GRID_COLUMNS;

/**
 * The number of cards on each row, top to bottom: as few rows as the columns allow, fewer still while a row would
 * hold a single card (so at 2 columns an odd count ends with a row of 3), the cards spread evenly over the rows
 * (sizes differ by at most one), the longer rows first. One column, or one card, is one card per row.
 */
export function rowSizes(count: number, columns: number): number[] {
  if (count <= 0) return [];
  if (columns <= 1) return Array.from({ length: count }, () => 1);
  let rows = Math.ceil(count / columns);
  while (rows > 1 && Math.floor(count / rows) < 2) rows--;
  const base = Math.floor(count / rows);
  const longer = count % rows;
  return Array.from({ length: rows }, (_, i) => base + (i < longer ? 1 : 0));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export interface GridPlan {
  /** Grid tracks: the least common multiple of the row sizes, so that every row's cards share it equally. */
  tracks: number;
  /** Tracks each card spans, in card order: a row of r cards gives each tracks / r, and fills the row. */
  spans: number[];
}

export function planGrid(count: number, columns: number): GridPlan {
  const sizes = rowSizes(count, columns);
  const tracks = sizes.reduce((l, s) => (l * s) / gcd(l, s), 1);
  return { tracks, spans: sizes.flatMap((s) => Array.from({ length: s }, () => tracks / s)) };
}

/** The grid's classes: its track count and each card's span come from the custom properties of gridStyles. */
export const GRID_CLASS =
  'grid grid-cols-1 gap-4 sm:grid-cols-(--grid-sm) lg:grid-cols-(--grid-lg) xl:grid-cols-(--grid-xl) 2xl:grid-cols-(--grid-2xl)';
export const GRID_ITEM_CLASS =
  'sm:col-span-(--span-sm) lg:col-span-(--span-lg) xl:col-span-(--span-xl) 2xl:col-span-(--span-2xl)';

/** The custom properties of a grid of `count` cards and of each of its cards, for every breakpoint. */
export function gridStyles(count: number): { grid: CSSProperties; items: CSSProperties[] } {
  const grid: Record<string, string> = {};
  const items: Record<string, number>[] = Array.from({ length: count }, () => ({}));
  for (const [bp, columns] of Object.entries(GRID_COLUMNS)) {
    const { tracks, spans } = planGrid(count, columns);
    grid[`--grid-${bp}`] = `repeat(${tracks}, minmax(0, 1fr))`;
    spans.forEach((span, i) => { items[i][`--span-${bp}`] = span; });
  }
  return { grid: grid as CSSProperties, items: items as CSSProperties[] };
}
