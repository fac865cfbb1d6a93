// Pure: the overview's annotations → what a chart marks (which fall in its range, where, in what colour, with what
// words). No React, no canvas.
import type { Annotation } from './types';

export interface KindStyle {
  label: string;
  /** The line on the canvas: a mid-tone that reads on the light and the dark card alike (3:1 or more on both). */
  color: string;
}

export const KIND_STYLES: Record<string, KindStyle> = {
  deploy: { label: 'Deploy', color: '#8b5cf6' },
  incident: { label: 'Incident', color: '#f97316' },
  campaign: { label: 'Campaign', color: '#d946ef' },
  note: { label: 'Note', color: '#64748b' },
};

/** A kind this page does not know yet is drawn as a note. */
export const kindStyle = (kind: string): KindStyle => KIND_STYLES[kind] ?? { ...KIND_STYLES.note, label: kind };

export interface Mark {
  annotation: Annotation;
  /** Unix seconds, as the chart's x scale. */
  x: number;
}

/** The annotations from `min` to `max` (Unix seconds, both included), oldest first, with their x. */
export function marksInRange(annotations: readonly Annotation[], min: number, max: number): Mark[] {
  return annotations
    .map((annotation) => ({ annotation, x: Date.parse(annotation.at) / 1000 }))
    .filter((m) => Number.isFinite(m.x) && m.x >= min && m.x <= max)
    .sort((a, b) => a.x - b.x);
}

/** The latest annotation time (Unix seconds) from `min` on, or null: a chart stretches its x scale to it, so that an
 * annotation inside the last bucket (after its start, the last point) is still on the chart. */
export function latestFrom(annotations: readonly Annotation[], min: number): number | null {
  let latest: number | null = null;
  for (const a of annotations) {
    const x = Date.parse(a.at) / 1000;
    if (Number.isFinite(x) && x >= min && (latest === null || x > latest)) latest = x;
  }
  return latest;
}

/** The widest a tooltip gets; on a narrow chart (a phone) it takes the chart's width. */
const TIP_WIDTH = 256;

/** A tooltip centred on `centre` and kept within `[0, outer]` (CSS px from the chart's left). */
export function tipPlacement(centre: number, outer: number): { left: number; width: number } {
  const width = Math.min(TIP_WIDTH, Math.max(0, outer));
  return { left: Math.min(Math.max(0, centre - width / 2), Math.max(0, outer - width)), width };
}
