// Pure: the overview's trends → what a time-series chart and its readers need (columns for the canvas, the values
// under the cursor, a text summary for screen readers). No React, no canvas.
import { format } from 'date-fns';
import { inZone } from './readerZone';
import type { Timeframe, TimeSeriesPoint } from './types';

export type SeriesKey = 'value' | 'successful' | 'failed';

export interface SeriesSpec {
  key: SeriesKey;
  label: string;
  /** A mid-tone that reads on the light and the dark card alike. */
  color: string;
  /** Fills the area under the line. */
  area?: boolean;
}

/** Axis ticks per timeframe (the buckets: 24h hourly, 7d 6-hourly, 30d/90d daily, all weekly). */
export const TICK_FORMAT: Record<Timeframe, string> = { '24h': 'HH:mm', '7d': 'EEE HH:mm', '30d': 'MMM d', '90d': 'MMM d', all: 'MMM d, yy' };

/** The time of one bucket under the cursor: a daily or weekly bucket has no meaningful hour. */
const POINT_FORMAT: Record<Timeframe, string> = { '24h': 'PPp', '7d': 'PPp', '30d': 'EEE, PP', '90d': 'EEE, PP', all: "'Week of' PP" };

/** `zone`: the reader's (the wall-clock time there); undefined: the browser's. */
export const formatTick = (seconds: number, timeframe: Timeframe, zone?: string) =>
  format(inZone(new Date(seconds * 1000), zone), TICK_FORMAT[timeframe]);

export function formatPointTime(iso: string, timeframe: Timeframe, zone?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : format(inZone(d, zone), POINT_FORMAT[timeframe]);
}

/** Aligned columns as uPlot draws them: x in Unix seconds, then one column per series (null where absent). */
export function toColumns(points: readonly TimeSeriesPoint[], series: readonly SeriesSpec[]): [number[], ...(number | null)[][]] {
  const xs = points.map((p) => Date.parse(p.timestamp) / 1000);
  return [xs, ...series.map((s) => points.map((p) => finite(p[s.key])))];
}

export interface Reading { label: string; color: string; text: string }

/** What the readout shows: the point under the cursor, or the latest one when the cursor is away. */
export function readingAt(
  points: readonly TimeSeriesPoint[], index: number | null, series: readonly SeriesSpec[],
  formatValue: (n: number | null) => string, timeframe: Timeframe, zone?: string,
): { time: string; values: Reading[] } | null {
  const point = points[index ?? points.length - 1];
  if (!point) return null;
  return {
    time: formatPointTime(point.timestamp, timeframe, zone),
    values: series.map((s) => ({ label: s.label, color: s.color, text: formatValue(finite(point[s.key])) })),
  };
}

/** One sentence per chart for screen readers, which cannot read a canvas: the span, then per series its first,
 * last, lowest and highest value. */
export function describeSeries(
  points: readonly TimeSeriesPoint[], series: readonly SeriesSpec[], formatValue: (n: number | null) => string, timeframe: Timeframe,
  zone?: string,
): string {
  if (points.length === 0) return 'No data in this period.';
  const span = `${points.length} points from ${formatPointTime(points[0].timestamp, timeframe, zone)} to ${formatPointTime(points[points.length - 1].timestamp, timeframe, zone)}.`;
  const parts = series.map((s) => {
    const values = points.map((p) => finite(p[s.key])).filter((v): v is number => v !== null);
    if (values.length === 0) return `${s.label}: no values.`;
    return `${s.label}: first ${formatValue(values[0])}, last ${formatValue(values[values.length - 1])}, ` +
      `lowest ${formatValue(Math.min(...values))}, highest ${formatValue(Math.max(...values))}.`;
  });
  return [span, ...parts].join(' ');
}

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}
