import { memo } from 'react';
import { formatCompact, formatCount } from '../../lib/format';
import type { Timeframe, TimeSeriesPoint } from '../../lib/types';
import type { PlotSpec } from './plotOptions';
import { TimeSeriesChart } from './TimeSeriesChart';

export const USER_ACTIVITY_SPEC: PlotSpec = {
  series: [{ key: 'value', label: 'Active users', color: '#8b5cf6', area: true }],
  formatAxis: formatCompact,
  integer: true,
};

/** Distinct active users per bucket. */
export const UserActivityChart = memo(function UserActivityChart({ points, timeframe, degraded }: { points: TimeSeriesPoint[]; timeframe: Timeframe; degraded: boolean }) {
  return <TimeSeriesChart title="User activity" section="trends.users" degraded={degraded} points={points} timeframe={timeframe} spec={USER_ACTIVITY_SPEC} formatValue={formatCount} />;
});
