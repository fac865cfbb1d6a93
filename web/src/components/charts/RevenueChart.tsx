import { memo } from 'react';
import { formatCompact, formatCurrency } from '../../lib/format';
import type { Timeframe, TimeSeriesPoint } from '../../lib/types';
import type { PlotSpec } from './plotOptions';
import { TimeSeriesChart } from './TimeSeriesChart';

export const REVENUE_SPEC: PlotSpec = {
  series: [{ key: 'value', label: 'MRR', color: '#0ea5e9', area: true }],
  formatAxis: (n) => `$${formatCompact(n)}`,
  step: true,
};

/** MRR at each bucket's end, as steps: it holds until the next subscription change. */
export const RevenueChart = memo(function RevenueChart({ points, timeframe, degraded }: { points: TimeSeriesPoint[]; timeframe: Timeframe; degraded: boolean }) {
  return <TimeSeriesChart title="Revenue (MRR)" section="trends.revenue" degraded={degraded} points={points} timeframe={timeframe} spec={REVENUE_SPEC} formatValue={formatCurrency} />;
});
