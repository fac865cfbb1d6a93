import { buildCards } from '../lib/cards';
import type { ExecutiveDashboardData } from '../lib/types';
import { MetricCard, MetricCardSkeleton } from './MetricCard';

const GRID = 'grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 2xl:grid-cols-6';

export function MetricsGrid({ data }: { data: ExecutiveDashboardData }) {
  return (
    <section aria-label="Key metrics" className={GRID}>
      {buildCards(data).map(({ id, ...card }) => <MetricCard key={id} {...card} />)}
    </section>
  );
}

export function MetricsGridSkeleton() {
  return (
    <div className={GRID} aria-busy="true" aria-label="Loading metrics">
      {Array.from({ length: 9 }, (_, i) => <MetricCardSkeleton key={i} />)}
    </div>
  );
}
