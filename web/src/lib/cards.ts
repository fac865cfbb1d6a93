// The cards of the metrics grid and where each reads its numbers and its metricInfo.
import type { MetricCardData, MetricLine } from '../components/MetricCard';
import type { ExecutiveDashboardData, MetricInfo } from './types';

// Used only if the server's metricInfo lacks a key (an older gateway): same values as MetricCatalog.cs.
const FALLBACK: MetricInfo = { unit: 'count', changeUnit: null, higherIsBetter: true, description: '' };

/** Every card this page knows, by id (the ids a saved layout names), in the default order. */
export const CARD_TITLES = {
  dau: 'Daily active users',
  totalRuns: 'Total executions',
  successRate: 'Success rate',
  credits: 'Credits used',
  activeWorkspaces: 'Active workspaces',
  mrr: 'MRR',
  churn: 'Churn rate',
  ltvCac: 'LTV : CAC',
  p95Runtime: 'p95 runtime',
  newUsers: 'New users',
  agents: 'Active agents',
} as const;

export type CardId = keyof typeof CARD_TITLES;

export const CARD_IDS = Object.keys(CARD_TITLES) as CardId[];

export interface CardDef extends MetricCardData { id: CardId }

export function buildCards(d: ExecutiveDashboardData): CardDef[] {
  const info = (key: string): MetricInfo => d.meta?.metricInfo?.[key] ?? FALLBACK;
  const deg = new Set(d.meta?.degraded ?? []);
  const line = (label: string, key: string, value: number | null, change?: number | null): MetricLine => {
    const i = info(key);
    return { label, value, unit: i.unit, change, changeUnit: change === undefined ? null : i.changeUnit, higherIsBetter: i.higherIsBetter };
  };
  const u = d.userMetrics, e = d.executionMetrics, b = d.businessMetrics, a = d.agentMetrics;
  return [
    { id: 'dau', title: CARD_TITLES.dau, value: u.dau, change: u.dauChange, info: info('dau'), degraded: deg.has('userMetrics'),
      extras: [line('WAU', 'wau', u.wau, u.wauChange), line('MAU', 'mau', u.mau, u.mauChange)] },
    { id: 'totalRuns', title: CARD_TITLES.totalRuns, value: e.totalRuns, change: e.totalRunsChange, info: info('totalRuns'), degraded: deg.has('executionMetrics'),
      extras: [line('Successful', 'successfulRuns', e.successfulRuns), line('Failed', 'failedRuns', e.failedRuns)] },
    { id: 'successRate', title: CARD_TITLES.successRate, value: e.successRate, change: e.successRateChange, info: info('successRate'), degraded: deg.has('executionMetrics') },
    { id: 'credits', title: CARD_TITLES.credits, value: e.totalCreditsUsed, change: e.creditsChange, info: info('totalCreditsUsed'), degraded: deg.has('executionMetrics') },
    { id: 'activeWorkspaces', title: CARD_TITLES.activeWorkspaces, value: b.activeWorkspaces, info: info('activeWorkspaces'), degraded: deg.has('businessMetrics.activeWorkspaces'),
      extras: deg.has('businessMetrics') ? [] : [line('Paid', 'paidWorkspaces', b.paidWorkspaces), line('Trial', 'trialWorkspaces', b.trialWorkspaces)] },
    { id: 'mrr', title: CARD_TITLES.mrr, value: b.mrr, change: b.mrrChange, info: info('mrr'), degraded: deg.has('businessMetrics'),
      extras: [line('ARR', 'arr', b.arr)] },
    { id: 'churn', title: CARD_TITLES.churn, value: b.churnRate, info: info('churnRate'), degraded: deg.has('businessMetrics') },
    { id: 'ltvCac', title: CARD_TITLES.ltvCac, value: b.ltvCacRatio, info: info('ltvCacRatio'), degraded: deg.has('businessMetrics'),
      extras: [line('LTV', 'ltv', b.ltv), line('CAC', 'cac', b.cac)] },
    { id: 'p95Runtime', title: CARD_TITLES.p95Runtime, value: e.p95Runtime, info: info('p95Runtime'), degraded: deg.has('executionMetrics'),
      extras: [line('Average', 'avgRuntime', e.avgRuntime)] },
    { id: 'newUsers', title: CARD_TITLES.newUsers, value: u.newUsers, info: info('newUsers'), degraded: deg.has('userMetrics'),
      extras: [line('Churned users', 'churnedUsers', u.churnedUsers), line('Active rate', 'activeRate', u.activeRate)] },
    { id: 'agents', title: CARD_TITLES.agents, value: a.activeAgents, info: info('activeAgents'), degraded: deg.has('agentMetrics'),
      extras: [line('Total agents', 'totalAgents', a.totalAgents)] },
  ];
}
