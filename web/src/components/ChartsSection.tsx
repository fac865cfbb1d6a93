// In the first chunk, not loaded lazily: React 19 reveals a suspended boundary's content at most every 300 ms, which
// held every chart back by about that much after the overview's answer; uPlot costs the first load 31 KB gzip.
// Each chart is memoised on its own series (mergeSections keeps the arrays a metrics_update did not name), so an
// update of other sections redraws nothing here.
import type { ExecutiveDashboardData, Timeframe } from '../lib/types';
import { ErrorRateChart } from './charts/ErrorRateChart';
import { ExecutionTrendChart } from './charts/ExecutionTrendChart';
import { MrrMovementsChart } from './charts/MrrMovementsChart';
import { RevenueChart } from './charts/RevenueChart';
import { SectionBoundary } from './SectionBoundary';
import { UserActivityChart } from './charts/UserActivityChart';

interface Props {
  trends: ExecutiveDashboardData['trends'];
  mrrMovements: ExecutiveDashboardData['mrrMovements'];
  /** Marked on each trend (MRR movements has no time axis). */
  annotations: ExecutiveDashboardData['annotations'];
  timeframe: Timeframe;
  degraded: readonly string[];
  /** Trends and MRR movements each keep their own render error (see SectionBoundary). */
  resetKeys: unknown[];
  onRetry: () => Promise<unknown> | void;
}

export function ChartsSection({ trends, mrrMovements, annotations, timeframe, degraded, resetKeys, onRetry }: Props) {
  const is = (section: string) => degraded.includes(section);
  return (
    <>
      <SectionBoundary label="Trends" resetKeys={resetKeys} onRetry={onRetry}>
        <section aria-label="Trends" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <ExecutionTrendChart points={trends.execution} annotations={annotations} timeframe={timeframe} degraded={is('trends.execution')} />
          <UserActivityChart points={trends.users} annotations={annotations} timeframe={timeframe} degraded={is('trends.users')} />
          <RevenueChart points={trends.revenue} annotations={annotations} timeframe={timeframe} degraded={is('trends.revenue')} />
          <ErrorRateChart points={trends.errors} annotations={annotations} timeframe={timeframe} degraded={is('trends.errors')} />
        </section>
      </SectionBoundary>
      <SectionBoundary label="MRR movements" resetKeys={resetKeys} onRetry={onRetry}>
        <MrrMovementsChart movements={mrrMovements} degraded={is('mrrMovements')} />
      </SectionBoundary>
    </>
  );
}
