import { memo } from 'react';
import { formatPercent } from '../../lib/format';
import type { PlotSpec } from './plotOptions';
import { TimeSeriesChart, type TrendProps } from './TimeSeriesChart';

export const ERROR_RATE_SPEC: PlotSpec = {
  series: [{ key: 'value', label: 'Error rate', color: '#f97316' }],
  formatAxis: (n) => `${n}%`,
  fromZero: true,
};

/** Failed runs as a percentage of the bucket's runs (0 when there were none). */
export const ErrorRateChart = memo(function ErrorRateChart({ points, timeframe, degraded, annotations }: TrendProps) {
  return <TimeSeriesChart title="Error rate" section="trends.errors" degraded={degraded} points={points} timeframe={timeframe} annotations={annotations} spec={ERROR_RATE_SPEC} formatValue={formatPercent} />;
});
