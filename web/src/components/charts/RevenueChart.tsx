import { memo } from 'react';
import { formatCompact, formatCurrency } from '../../lib/format';
import type { PlotSpec } from './plotOptions';
import { TimeSeriesChart, type TrendProps } from './TimeSeriesChart';

export const REVENUE_SPEC: PlotSpec = {
  series: [{ key: 'value', label: 'MRR', color: '#0ea5e9', area: true }],
  formatAxis: (n) => `$${formatCompact(n)}`,
  step: true,
};

/** MRR at each bucket's end, as steps: it holds until the next subscription change. */
export const RevenueChart = memo(function RevenueChart({ points, timeframe, degraded, annotations }: TrendProps) {
  return <TimeSeriesChart title="Revenue (MRR)" section="trends.revenue" degraded={degraded} points={points} timeframe={timeframe} annotations={annotations} spec={REVENUE_SPEC} formatValue={formatCurrency} />;
});
