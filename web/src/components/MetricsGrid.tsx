import { buildCards, CARD_IDS, CARD_TITLES, type CardDef, type CardId } from '../lib/cards';
import { GRID_CLASS, GRID_ITEM_CLASS, gridStyles } from '../lib/grid';
import type { CardSetting } from '../lib/layout';
import { metricsOfCard } from '../lib/goals';
import type { ExecutiveDashboardData } from '../lib/types';
import { CardGoals, type CardGoalsProps } from './CardGoals';
import { MetricCard, type MetricCardProps } from './MetricCard';

/** The shown cards' ids in the layout's order; without a layout, every card in the default order. */
function shownIds(layout: readonly CardSetting[] | undefined): CardId[] {
  if (!layout) return CARD_IDS;
  return layout.filter((s) => s.visible && s.id in CARD_TITLES).map((s) => s.id as CardId);
}

/**
 * The metric cards in the layout's order, each row filled (lib/grid.ts); before the first overview (no data), the
 * same cards loading, so that the page does not move when the numbers arrive.
 */
export function MetricsGrid({ data, layout, goalEditing }: {
  data: ExecutiveDashboardData | undefined;
  layout?: readonly CardSetting[];
  /** Present for ceo and admin: the cards let them set, edit and delete the scope's goals. */
  goalEditing?: CardGoalsProps['editing'];
}) {
  const ids = shownIds(layout);
  if (!data) return <CardGrid cards={ids.map((id) => ({ id, title: CARD_TITLES[id], loading: true }))} />;
  if (ids.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-300">All metric cards are hidden. Use Customize to show them.</p>;
  }
  const byId = new Map<string, CardDef>(buildCards(data).map((c) => [c.id, c]));
  const { goals } = data;
  const withGoals = (card: CardDef) => {
    const metrics = metricsOfCard(card.id);
    return metrics.length === 0 ? card : { ...card, footer: <CardGoals metrics={metrics} goals={goals} editing={goalEditing} /> };
  };
  return <CardGrid label="Key metrics" cards={ids.map((id) => withGoals(byId.get(id)!))} />;
}

function CardGrid({ label, cards }: { label?: string; cards: (MetricCardProps & { id: CardId })[] }) {
  const styles = gridStyles(cards.length);
  const items = cards.map(({ id, ...card }, i) => (
    <div key={id} className={GRID_ITEM_CLASS} style={styles.items[i]}>
      <MetricCard {...card} />
    </div>
  ));
  if (!label) return <div className={GRID_CLASS} style={styles.grid}>{items}</div>;
  return (
    <section aria-label={label} className={GRID_CLASS} style={styles.grid}>
      {/* Puts the cards' h3 titles under a heading of their section, as the other sections have. */}
      <h2 className="sr-only">{label}</h2>
      {items}
    </section>
  );
}
