// One trend as a uPlot canvas in a figure. recharts measured and laid out SVG for every point; a canvas draws the four
// trends in a fraction of the time (docs/performance.md). A canvas is opaque to screen readers and the keyboard, so the
// figure carries its own description and a readout of the values under the cursor (or the latest ones).
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useReaderZone } from '../../hooks/useReaderZone';
import { describeSeries, readingAt, toColumns } from '../../lib/chartData';
import type { Annotation, Timeframe, TimeSeriesPoint } from '../../lib/types';
import { DegradedNotice } from '../DegradedNotice';
import { AnnotationMarkers } from './AnnotationMarkers';
import { PLOT_HEIGHT, plotOptions, type PlotArea, type PlotSpec } from './plotOptions';

export interface TimeSeriesChartProps {
  title: string;
  /** The overview's section name, for the degraded notice. */
  section: string;
  degraded: boolean;
  points: TimeSeriesPoint[];
  timeframe: Timeframe;
  spec: PlotSpec;
  formatValue: (n: number | null) => string;
  /** The period's annotations: a dashed line and a flag each, where they fall in the chart's range. */
  annotations?: readonly Annotation[];
}

/** What each of the four trend charts takes. */
export type TrendProps = Pick<TimeSeriesChartProps, 'points' | 'timeframe' | 'degraded' | 'annotations'>;

const NONE: readonly Annotation[] = [];

export function TimeSeriesChart({ title, section, degraded, points, timeframe, spec, formatValue, annotations = NONE }: TimeSeriesChartProps) {
  const figure = useRef<HTMLElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const captionId = useId();
  const descriptionId = useId();
  const empty = points.length === 0;
  const zone = useReaderZone();
  const columns = useMemo(() => toColumns(points, spec.series), [points, spec.series]);
  const latest = useRef(columns);
  latest.current = columns;
  /** The columns the canvas shows, so that a plot made with the newest ones is not given them again. */
  const shown = useRef<typeof columns | null>(null);
  const marked = useRef(annotations);
  marked.current = annotations;
  const [area, setArea] = useState<PlotArea | null>(null);

  // The plot is made in the first ResizeObserver callback, which comes after layout with the width already known:
  // no forced layout, and later resizes only resize the canvas. A layout effect observes before the first paint, so
  // the canvas is drawn in the same frame as the figure.
  useLayoutEffect(() => {
    const el = host.current;
    if (empty || !el) return;
    let u: uPlot | null = null;
    let text = '';
    // data-drawn is set on the element rather than through state: a re-render per chart would only add frames before
    // the probe (and a person) sees the charts. React leaves it alone while the prop it gave ('false') is unchanged.
    const hooks = {
      textColor: () => text, onDraw: () => figure.current?.setAttribute('data-drawn', 'true'), onCursor: setCursor,
      annotations: () => marked.current,
      // Only a changed area re-renders the markers: most draws (new numbers) keep it.
      onArea: (next: PlotArea) => setArea((prev) => (prev && sameArea(prev, next) ? prev : next)),
    };
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width <= 0) return;
      if (!u) {
        text = getComputedStyle(el).color;
        plot.current = u = new uPlot(plotOptions(spec, timeframe, width, hooks, zone), latest.current, el);
        shown.current = latest.current;
      } else if (width !== u.width) u.setSize({ width, height: PLOT_HEIGHT });
    });
    observer.observe(el);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => { text = getComputedStyle(el).color; u?.redraw(false, true); };
    scheme.addEventListener('change', recolour);
    return () => {
      scheme.removeEventListener('change', recolour);
      observer.disconnect();
      u?.destroy();
      plot.current = null;
    };
  }, [empty, spec, timeframe, zone]);

  // New numbers for the same chart: redraw the canvas, keep the plot.
  useEffect(() => {
    if (!plot.current || shown.current === columns) return;
    plot.current.setData(columns);
    shown.current = columns;
  }, [columns]);

  // New annotations: the x range may stretch to them, so the scales are set again (and the lines redrawn).
  const drawnAnnotations = useRef(annotations);
  useEffect(() => {
    if (!plot.current || drawnAnnotations.current === annotations) return;
    drawnAnnotations.current = annotations;
    plot.current.setData(latest.current);
  }, [annotations]);

  const reading = readingAt(points, cursor, spec.series, formatValue, timeframe, zone);
  const description = useMemo(() => describeSeries(points, spec.series, formatValue, timeframe, zone), [points, spec.series, formatValue, timeframe, zone]);

  return (
    <figure
      ref={figure}
      data-drawn={empty ? 'true' : 'false'}
      aria-labelledby={captionId}
      aria-describedby={descriptionId}
      className="rounded-xl border border-slate-200 bg-white p-4 text-slate-500 shadow-sm dark:border-slate-700 dark:bg-slate-800 dark:text-slate-400"
    >
      <figcaption id={captionId} className="text-base font-semibold text-slate-900 dark:text-white">{title}</figcaption>
      <p id={descriptionId} className="sr-only">{description}</p>
      {degraded && <DegradedNotice degraded={[section]} sections={[section]} />}
      {empty ? (
        <p className="flex items-center justify-center text-sm" style={{ height: PLOT_HEIGHT + 24 }}>No data in this period.</p>
      ) : (
        <>
          <p aria-hidden="true" className="mt-1 flex h-5 flex-wrap items-center gap-x-3 overflow-hidden text-xs text-slate-600 dark:text-slate-300">
            {reading && <span className="tabular-nums">{reading.time}</span>}
            {reading?.values.map((v) => (
              <span key={v.label} className="inline-flex items-center gap-1">
                <span className="inline-block h-2 w-2 rounded-full" style={{ backgroundColor: v.color }} />
                {v.label} <span className="font-semibold tabular-nums text-slate-900 dark:text-white">{v.text}</span>
              </span>
            ))}
          </p>
          <div className="relative mt-1">
            <div ref={host} aria-hidden="true" className="w-full" style={{ height: PLOT_HEIGHT }} />
            <AnnotationMarkers chart={title} annotations={annotations} area={area} />
          </div>
        </>
      )}
    </figure>
  );
}

const sameArea = (a: PlotArea, b: PlotArea) =>
  a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height && a.outer === b.outer && a.min === b.min && a.max === b.max;
