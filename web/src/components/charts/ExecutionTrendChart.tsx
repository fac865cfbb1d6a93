import { memo } from 'react';
import type { SeriesSpec } from '../../lib/chartData';
import { formatCompact, formatCount } from '../../lib/format';
import type { PlotSpec } from './plotOptions';
import { TimeSeriesChart, type TrendProps } from './TimeSeriesChart';

const SERIES: SeriesSpec[] = [
  { key: 'value', label: 'Total', color: '#3b82f6' },
  { key: 'successful', label: 'Successful', color: '#10b981' },
  { key: 'failed', label: 'Failed', color: '#ef4444' },
];
export const EXECUTION_SPEC: PlotSpec = { series: SERIES, formatAxis: formatCompact, integer: true };

/** Runs per bucket: total, successful and failed. */
export const ExecutionTrendChart = memo(function ExecutionTrendChart({ points, timeframe, degraded, annotations }: TrendProps) {
  return <TimeSeriesChart title="Execution trend" section="trends.execution" degraded={degraded} points={points} timeframe={timeframe} annotations={annotations} spec={EXECUTION_SPEC} formatValue={formatCount} />;
});
