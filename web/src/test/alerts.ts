import type { AlertRule, AlertView } from '../lib/alerts';

export const alertView = (over: Partial<AlertView> = {}): AlertView => ({
  id: 'al_1', type: 'high-error-rate', message: 'Error rate 14% in the last hour', severity: 'high', triggeredAt: '2026-01-07T23:50:00Z',
  workspaceId: 'ws_1', state: 'active', resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null,
  ...over,
});

export const errorRateRule = (over: Partial<AlertRule> = {}): AlertRule => ({
  name: 'high-error-rate',
  description: 'Last 60 min: at least minRuns runs and an error rate above errorRate % (above criticalErrorRate %: critical)',
  parameters: { minRuns: 20, errorRate: 10, criticalErrorRate: 25 },
  limits: [
    { name: 'minRuns', default: 20, min: 1, max: 1_000_000, description: 'runs in the last hour needed before the rate counts' },
    { name: 'errorRate', default: 10, min: 0, max: 100, description: 'error rate in percent above which the alert is high' },
    { name: 'criticalErrorRate', default: 25, min: 0, max: 100, description: 'error rate in percent above which the alert is critical' },
  ],
  ...over,
});

export const slowRunsRule = (): AlertRule => ({
  name: 'slow-runs',
  description: 'Last 24 h p95 runtime at least factor × the 24 h before',
  parameters: { factor: 1.5 },
  limits: [{ name: 'factor', default: 1.5, min: 1, max: 100, description: 'how many times slower' }],
});

/** An RFC 7807 answer. */
export const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
export const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
