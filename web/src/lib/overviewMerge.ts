// A live page refreshes only the sections a metrics_update names: the gateway answers ?sections=… with every
// section of the services feeding them (meta.sections), and the rest is kept from the answer the page holds.
import type { ExecutiveDashboardData } from './types';

type Trend = keyof ExecutiveDashboardData['trends'];
type Whole = Exclude<keyof ExecutiveDashboardData, 'timeframe' | 'period' | 'trends' | 'meta'>;

export function mergeSections(base: ExecutiveDashboardData, part: ExecutiveDashboardData): ExecutiveDashboardData {
  const sections = part.meta.sections;
  if (!sections) return part;
  const next: ExecutiveDashboardData = { ...base, period: part.period, trends: { ...base.trends } };
  // businessMetrics comes from billing but its activeWorkspaces from users: each keeps the other's part.
  let business = { ...base.businessMetrics };
  for (const section of sections) {
    if (section.startsWith('trends.')) {
      const trend = section.slice('trends.'.length) as Trend;
      next.trends[trend] = part.trends[trend];
    } else if (section === 'businessMetrics') {
      business = { ...part.businessMetrics, activeWorkspaces: business.activeWorkspaces };
    } else if (section === 'businessMetrics.activeWorkspaces') {
      business.activeWorkspaces = part.businessMetrics.activeWorkspaces;
    } else if (section in base || section === 'goals') {
      (next as Record<Whole, unknown>)[section as Whole] = part[section as Whole];
    }
  }
  next.businessMetrics = business;
  const refreshed = new Set(sections);
  const keep = (list: string[]) => list.filter((s) => !refreshed.has(s));
  next.meta = {
    ...part.meta,
    sections: undefined,
    degraded: [...keep(base.meta.degraded), ...part.meta.degraded],
    catchingUp: [...keep(base.meta.catchingUp), ...part.meta.catchingUp],
  };
  return next;
}
