import { buildCards, type CardDef } from '../lib/cards';
import type { CardSetting } from '../lib/layout';
import type { ExecutiveDashboardData } from '../lib/types';
import { MetricCard, MetricCardSkeleton } from './MetricCard';

const GRID = 'grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 2xl:grid-cols-6';

/** The shown cards in the layout's order; without a layout, every card in the default order. */
function arrange(cards: CardDef[], layout: readonly CardSetting[] | undefined): CardDef[] {
  if (!layout) return cards;
  const byId = new Map(cards.map((c) => [c.id as string, c]));
  return layout.filter((s) => s.visible).flatMap((s) => byId.get(s.id) ?? []);
}

export function MetricsGrid({ data, layout }: { data: ExecutiveDashboardData; layout?: readonly CardSetting[] }) {
  const cards = arrange(buildCards(data), layout);
  if (cards.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-300">All metric cards are hidden. Use Customize to show them.</p>;
  }
  return (
    <section aria-label="Key metrics" className={GRID}>
      {/* Puts the cards' h3 titles under a heading of their section, as the other sections have. */}
      <h2 className="sr-only">Key metrics</h2>
      {cards.map(({ id, ...card }) => <MetricCard key={id} {...card} />)}
    </section>
  );
}

export function MetricsGridSkeleton({ count = 9 }: { count?: number }) {
  if (count === 0) return null;
  return (
    <div className={GRID} aria-busy="true" aria-label="Loading metrics">
      {Array.from({ length: count }, (_, i) => <MetricCardSkeleton key={i} />)}
    </div>
  );
}
