import type { CardSetting } from '../lib/layout';
import { ChartsSkeleton } from './ChartsSkeleton';
import { MetricsGrid } from './MetricsGrid';

const BLOCK = 'h-96 rounded-xl border border-slate-200 bg-white motion-safe:animate-pulse dark:border-slate-700 dark:bg-slate-800';

/** The page before its first overview: the shown cards loading, then the charts, the tables and the feed, in place. */
export function DashboardSkeleton({ layout }: { layout?: readonly CardSetting[] }) {
  return (
    <div aria-busy="true" className="space-y-6">
      <p role="status" className="sr-only">Loading the dashboard…</p>
      <MetricsGrid data={undefined} layout={layout} />
      <ChartsSkeleton />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className={`lg:col-span-2 ${BLOCK}`} data-testid="tables-skeleton" />
        <div className={BLOCK} data-testid="feed-skeleton" />
      </div>
    </div>
  );
}
