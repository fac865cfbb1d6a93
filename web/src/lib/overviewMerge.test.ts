import { describe, expect, it } from 'vitest';
import { overview } from '../test/fixture';
import { mrrGoal } from '../test/goals';
import { mergeSections } from './overviewMerge';
import type { ExecutiveDashboardData } from './types';

// A partial answer as the gateway gives it: the asked services' sections, the others empty.
function part(sections: string[], changes: Partial<ExecutiveDashboardData>): ExecutiveDashboardData {
  const empty = overview();
  return {
    ...empty,
    userMetrics: { dau: null, dauChange: null, wau: null, wauChange: null, mau: null, mauChange: null, newUsers: null, churnedUsers: null, activeRate: null },
    businessMetrics: { mrr: null, mrrChange: null, arr: null, ltv: null, cac: null, ltvCacRatio: null, activeWorkspaces: null, paidWorkspaces: null, trialWorkspaces: null, churnRate: null },
    activeAlerts: [],
    ...changes,
    period: { start: '2026-01-01T00:05:00Z', end: '2026-01-08T00:05:00Z' },
    meta: { ...empty.meta, asOf: '2026-01-08T00:05:00Z', sections },
  };
}

describe('mergeSections', () => {
  it('replaces the goals with those of a goals refresh, even over an answer that had none', () => {
    const base = overview();
    const merged = mergeSections(base, part(['activeAlerts', 'goals'], { goals: [mrrGoal()] }));
    expect(merged.goals).toEqual([mrrGoal()]);
    expect(merged.userMetrics).toEqual(base.userMetrics);
  });

  it('replaces the sections the answer holds and keeps the others', () => {
    const base = overview();
    const execution = [{ timestamp: '2026-01-07T00:00:00Z', value: 5, successful: 4, failed: 1 }];
    const merged = mergeSections(base, part(['executionMetrics', 'trends.execution', 'trends.errors', 'agentMetrics', 'topUsers'], {
      executionMetrics: { ...base.executionMetrics, totalRuns: 12346 },
      trends: { execution, users: [], revenue: [], errors: [] },
    }));

    expect(merged.executionMetrics.totalRuns).toBe(12346);
    expect(merged.trends.execution).toBe(execution);
    expect(merged.userMetrics).toEqual(base.userMetrics);
    expect(merged.businessMetrics).toEqual(base.businessMetrics);
    expect(merged.activeAlerts).toEqual(base.activeAlerts);
    expect(merged.period.end).toBe('2026-01-08T00:05:00Z');
    expect(merged.meta.sections).toBeUndefined();
  });

  it('keeps activeWorkspaces (users) when billing refreshes businessMetrics, and the other way round', () => {
    const base = overview();
    const billing = mergeSections(base, part(['businessMetrics', 'mrrMovements', 'trends.revenue'], {
      businessMetrics: { ...base.businessMetrics, mrr: 50000, activeWorkspaces: null },
    }));
    expect(billing.businessMetrics.mrr).toBe(50000);
    expect(billing.businessMetrics.activeWorkspaces).toBe(42);

    const users = mergeSections(billing, part(['userMetrics', 'trends.users', 'businessMetrics.activeWorkspaces'], {
      userMetrics: { ...base.userMetrics, dau: 121 },
      businessMetrics: { ...base.businessMetrics, mrr: null, activeWorkspaces: 43 },
    }));
    expect(users.businessMetrics.activeWorkspaces).toBe(43);
    expect(users.businessMetrics.mrr).toBe(50000);
    expect(users.userMetrics.dau).toBe(121);
  });

  it('updates degraded and catchingUp for the refreshed sections only', () => {
    const base = overview({ meta: { ...overview().meta, degraded: ['userMetrics', 'trends.users'], catchingUp: ['executionMetrics'] } });
    const answer = part(['userMetrics', 'trends.users', 'businessMetrics.activeWorkspaces'], {});
    answer.meta.degraded = [];
    answer.meta.catchingUp = [];
    const merged = mergeSections(base, answer);
    expect(merged.meta.degraded).toEqual([]);
    expect(merged.meta.catchingUp).toEqual(['executionMetrics']);
  });

  it('takes a whole answer as it is', () => {
    const whole = overview({ timeframe: '30d' });
    expect(mergeSections(overview(), whole)).toBe(whole);
  });
});
