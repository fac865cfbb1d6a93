// The uPlot options shared by the four trend charts. Kept pure (no DOM reads) so that the axes' formatting and the
// scales can be tested without a canvas.
import uPlot from 'uplot';
import { kindStyle, latestFrom, marksInRange } from '../../lib/annotations';
import { formatTick, type SeriesSpec } from '../../lib/chartData';
import { inZone } from '../../lib/readerZone';
import type { Annotation, Timeframe } from '../../lib/types';

export const PLOT_HEIGHT = 240;
const GRID = 'rgba(148, 163, 184, 0.3)';
const FONT = '12px ui-sans-serif, system-ui, sans-serif';

export interface PlotSpec {
  series: readonly SeriesSpec[];
  /** Formats a y tick ("1.2K", "$48K", "2%"). */
  formatAxis: (n: number) => string;
  /** MRR holds its value until the next change: drawn as steps. */
  step?: boolean;
  /** Rates start at zero so that a small wobble does not look like a spike. */
  fromZero?: boolean;
  /** Counts have no fractional ticks. */
  integer?: boolean;
}

export interface PlotHooks {
  /** The colour of the axis text, read from the figure so that it follows light and dark. */
  textColor: () => string;
  onDraw: () => void;
  onCursor: (index: number | null) => void;
  /** The annotations to mark, read at each draw: they change without a new plot. */
  annotations?: () => readonly Annotation[];
  /** Where the plotting area lies after each draw, for the markers laid over the canvas. */
  onArea?: (area: PlotArea) => void;
}

/** The plotting area in CSS pixels from the plot's top left, the whole plot's width (`outer`, axes included), and the x
 * scale it spans (Unix seconds). */
export interface PlotArea { left: number; top: number; width: number; height: number; outer: number; min: number; max: number }

/** `zone`: the reader's; the time axis then splits and labels at its wall-clock times (local midnight reads 00:00). */
export function plotOptions(spec: PlotSpec, timeframe: Timeframe, width: number, hooks: PlotHooks, zone?: string): uPlot.Options {
  const axis = { stroke: () => hooks.textColor(), font: FONT, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } };
  const stepped = spec.step ? uPlot.paths.stepped?.({ align: 1 }) : undefined;
  return {
    width,
    height: PLOT_HEIGHT,
    legend: { show: false },
    ...(zone ? { tzDate: (ts: number) => inZone(new Date(ts * 1000), zone) } : {}),
    cursor: { y: false, points: { size: 7 } },
    scales: {
      x: { time: true, range: (_u, min, max) => xRange(min, max, hooks.annotations?.() ?? []) },
      y: { range: (_u, min, max) => yRange(min, max, spec.fromZero ?? false) },
    },
    series: [
      {},
      ...spec.series.map((s) => ({
        label: s.label, stroke: s.color, width: 2, fill: s.area ? `${s.color}33` : undefined, points: { show: false }, paths: stepped,
      })),
    ],
    axes: [
      { ...axis, space: 80, values: (_u: uPlot, splits: number[]) => splits.map((v) => formatTick(v, timeframe, zone)) },
      { ...axis, size: 56, values: (_u: uPlot, splits: number[]) => yTicks(splits, spec) },
    ],
    hooks: {
      draw: [(u) => { drawMarks(u, hooks.annotations?.() ?? []); reportArea(u, hooks); hooks.onDraw(); }],
      setCursor: [(u) => hooks.onCursor(u.cursor.idx ?? null)],
    },
  };
}

/** The buckets' span, stretched to the latest annotation after the last point (inside the last bucket): every annotation
 * of the period is on the chart. */
export function xRange(min: number | null, max: number | null, annotations: readonly Annotation[]): uPlot.Range.MinMax {
  if (min === null || max === null) return [min, max];
  const latest = latestFrom(annotations, min);
  return [min, latest !== null && latest > max ? latest : max];
}

/** A dashed vertical line per annotation in the x range, in its kind's colour, under the cursor and over the series. */
export function drawMarks(u: uPlot, annotations: readonly Annotation[]) {
  const { min, max } = u.scales.x;
  if (min == null || max == null || annotations.length === 0) return;
  const { ctx, bbox } = u;
  ctx.save();
  ctx.lineWidth = Math.max(1, Math.round(1.5 * (globalThis.devicePixelRatio || 1)));
  ctx.setLineDash([4 * (globalThis.devicePixelRatio || 1), 3 * (globalThis.devicePixelRatio || 1)]);
  for (const mark of marksInRange(annotations, min, max)) {
    const x = Math.round(u.valToPos(mark.x, 'x', true));
    ctx.strokeStyle = kindStyle(mark.annotation.kind).color;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
  }
  ctx.restore();
}

function reportArea(u: uPlot, hooks: PlotHooks) {
  const { min, max } = u.scales.x;
  if (!hooks.onArea || min == null || max == null) return;
  const px = (v: string) => Number.parseFloat(v) || 0;
  const { left, top, width, height } = u.over.style;
  hooks.onArea({ left: px(left), top: px(top), width: px(width), height: px(height), outer: u.width, min, max });
}

export function yTicks(splits: readonly number[], spec: Pick<PlotSpec, 'formatAxis' | 'integer'>): string[] {
  return splits.map((v) => (spec.integer && !Number.isInteger(v) ? '' : spec.formatAxis(v)));
}

/** Some air above and below the data; a flat series still gets a visible band; rates from zero. */
export function yRange(min: number | null, max: number | null, fromZero: boolean): [number, number] {
  if (min === null || max === null) return [0, 1];
  const lo = fromZero ? 0 : min;
  const pad = (max - lo) * 0.08 || Math.abs(max) * 0.1 || 1;
  // A series of counts or money never dips below zero because of the padding.
  return [fromZero ? 0 : min >= 0 ? Math.max(0, lo - pad) : lo - pad, max + pad];
}
