import type { Goal } from '../lib/types';

/** An MRR goal of ws_1 as the alerts service answers it once evaluated: 20 % of the way, projected short (off track). */
export const mrrGoal = (over: Partial<Goal> = {}): Goal => ({
  id: 'g_1', workspaceId: 'ws_1', metric: 'mrr', target: 20000, targetDate: '2027-03-31', baseline: 10000, current: 12000,
  projected: 15000.5, progress: 0.2, status: 'offTrack', evaluatedAt: '2026-01-07T23:59:00Z',
  ...over,
});
