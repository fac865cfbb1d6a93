import type { ExecutiveDashboardData, MetricInfo } from '../lib/types';

const m = (unit: MetricInfo['unit'], changeUnit: MetricInfo['changeUnit'], higherIsBetter: boolean, description: string): MetricInfo =>
  ({ unit, changeUnit, higherIsBetter, description });

// The same values as services/Gateway/Gateway/Overview/MetricCatalog.cs (shortened descriptions).
export const metricInfo: Record<string, MetricInfo> = {
  dau: m('count', 'percent', true, 'Distinct users active in the 24 hours before asOf.'),
  wau: m('count', 'percent', true, 'Distinct users active in the 7 days before asOf.'),
  mau: m('count', 'percent', true, 'Distinct users active in the 30 days before asOf.'),
  newUsers: m('count', null, true, 'Users whose first signup or activity is in the period.'),
  churnedUsers: m('count', null, false, 'Users active in the previous period and not in this one.'),
  activeRate: m('percent', null, true, 'Users active in the period / users known by asOf × 100.'),
  totalRuns: m('count', 'percent', true, 'Agent runs completed in the period.'),
  successfulRuns: m('count', null, true, 'Runs that succeeded.'),
  failedRuns: m('count', null, false, 'Runs that failed.'),
  successRate: m('percent', 'pp', true, 'Successful runs / all runs × 100; change in percentage points.'),
  avgRuntime: m('seconds', null, false, 'Mean runtime.'),
  p95Runtime: m('seconds', null, false, '95th percentile of run runtime.'),
  totalCreditsUsed: m('count', 'percent', true, 'Credits consumed by the period\'s runs.'),
  mrr: m('currency', 'percent', true, 'Monthly value of paid subscriptions active at asOf.'),
  arr: m('currency', null, true, 'MRR × 12.'),
  ltv: m('currency', null, true, 'ARPA / monthly churn.'),
  cac: m('currency', null, false, 'Marketing spend / new paid workspaces.'),
  ltvCacRatio: m('ratio', null, true, 'LTV / CAC.'),
  activeWorkspaces: m('count', null, true, 'Workspaces with any activity in the period.'),
  paidWorkspaces: m('count', null, true, 'Paid workspaces at asOf.'),
  trialWorkspaces: m('count', null, true, 'Workspaces in trial at asOf.'),
  totalAgents: m('count', null, true, 'Agents known by asOf.'),
  activeAgents: m('count', null, true, 'Agents with a run in the period.'),
  churnRate: m('percent', null, false, 'Workspaces paid at period start and not at its end / paid at start × 100.'),
};

export function overview(overrides: Partial<ExecutiveDashboardData> = {}): ExecutiveDashboardData {
  return {
    timeframe: '7d',
    period: { start: '2026-01-01T00:00:00Z', end: '2026-01-08T00:00:00Z' },
    userMetrics: { dau: 120, dauChange: 4.2, wau: 480, wauChange: -1.5, mau: 1500, mauChange: null, newUsers: 30, churnedUsers: 4, activeRate: 62.5 },
    executionMetrics: {
      totalRuns: 12345, totalRunsChange: 10, successfulRuns: 12000, failedRuns: 345,
      successRate: 97.2, successRateChange: -1.25, avgRuntime: 4.2, p95Runtime: 12.8,
      totalCreditsUsed: 56789, creditsChange: null,
    },
    businessMetrics: {
      mrr: 48250, mrrChange: 3.1, arr: 579000, ltv: 12000, cac: 1500, ltvCacRatio: 8,
      activeWorkspaces: 42, paidWorkspaces: 30, trialWorkspaces: 5, churnRate: 2.5,
    },
    agentMetrics: { totalAgents: 12, activeAgents: 9, topAgents: [{ id: 'ag_1', workspaceId: 'ws_1', name: 'Invoice bot', runs: 900, successRate: 95.5, avgRuntime: 3.1 }] },
    trends: { execution: [], users: [], revenue: [], errors: [] },
    activeAlerts: [{ id: 'al_1', type: 'high-error-rate', message: 'Error rate 14% in the last hour', severity: 'high', triggeredAt: '2026-01-07T23:50:00Z' }],
    annotations: [],
    goals: [],
    topUsers: [{ id: 'u_1', workspaceId: 'ws_1', name: null, runs: 77, creditsUsed: 120.5, lastActiveAt: '2026-01-07T22:00:00Z' }],
    mrrMovements: { new: 0, expansion: 0, contraction: 0, churned: 0, reactivation: 0 },
    meta: { generatedAt: '2026-01-08T00:00:00Z', asOf: '2026-01-08T00:00:00Z', cached: false, degraded: [], catchingUp: [], metricInfo },
    ...overrides,
  };
}
