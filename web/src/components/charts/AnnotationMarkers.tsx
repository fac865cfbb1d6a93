import { marksInRange, tipPlacement } from '../../lib/annotations';
import type { Annotation } from '../../lib/types';
import { AnnotationFlag } from './AnnotationFlag';
import type { PlotArea } from './plotOptions';

const FLAG = 24;

/**
 * The annotations of a chart as focusable flags laid over the canvas, each above its dashed line (drawn on the canvas
 * by plotOptions), so that a pointer and a keyboard reach their text alike. Positioned from the plotting area the last
 * draw reported; nothing before the first draw. Each tooltip is centred on its flag and kept within the chart.
 */
export function AnnotationMarkers({ chart, annotations, area }: { chart: string; annotations: readonly Annotation[]; area: PlotArea | null }) {
  if (!area) return null;
  const marks = marksInRange(annotations, area.min, area.max);
  if (marks.length === 0) return null;
  const span = area.max - area.min;
  return (
    <ul aria-label={`${chart} annotations`} className="pointer-events-none absolute inset-0">
      {marks.map(({ annotation, x }) => {
        const centre = area.left + (span > 0 ? ((x - area.min) / span) * area.width : area.width / 2);
        const tip = tipPlacement(centre, area.outer);
        return (
          <li key={annotation.id} className="pointer-events-auto absolute" style={{ left: centre - FLAG / 2, top: Math.max(0, area.top - FLAG / 2) }}>
            <AnnotationFlag annotation={annotation} tip={{ left: tip.left - (centre - FLAG / 2), width: tip.width }} />
          </li>
        );
      })}
    </ul>
  );
}
