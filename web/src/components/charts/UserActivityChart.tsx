import { memo } from 'react';
import { formatCompact, formatCount } from '../../lib/format';
import type { PlotSpec } from './plotOptions';
import { TimeSeriesChart, type TrendProps } from './TimeSeriesChart';

export const USER_ACTIVITY_SPEC: PlotSpec = {
  series: [{ key: 'value', label: 'Active users', color: '#8b5cf6', area: true }],
  formatAxis: formatCompact,
  integer: true,
};

/** Distinct active users per bucket. */
export const UserActivityChart = memo(function UserActivityChart({ points, timeframe, degraded, annotations }: TrendProps) {
  return <TimeSeriesChart title="User activity" section="trends.users" degraded={degraded} points={points} timeframe={timeframe} annotations={annotations} spec={USER_ACTIVITY_SPEC} formatValue={formatCount} />;
});
