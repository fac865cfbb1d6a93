import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from '../test/alerts';
import { mrrGoal } from '../test/goals';
import { canSetGoals, deleteGoal, firstDueDay, formatDueDate, GoalValidationError, metricsOfCard, progressPercent, saveGoal } from './goals';

let calls: { url: string; method: string; body: unknown }[];
let answer: () => Response;
beforeEach(() => {
  calls = [];
  answer = () => json(mrrGoal());
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(init.body as string) });
    return answer();
  }));
});
afterEach(() => vi.unstubAllGlobals());

describe('goals', () => {
  it('puts each goal metric on the card that shows it', () => {
    expect(metricsOfCard('mrr')).toEqual(['mrr', 'arr']);
    expect(metricsOfCard('totalRuns')).toEqual(['runs']);
    expect(metricsOfCard('successRate')).toEqual(['successRate']);
    expect(metricsOfCard('activeWorkspaces')).toEqual(['paidWorkspaces']);
    expect(metricsOfCard('dau')).toEqual(['dau']);
    expect(metricsOfCard('churn')).toEqual([]);
  });

  it('lets ceo and admin set goals', () => {
    expect(['ceo', 'admin', 'member', 'ingest', ''].map(canSetGoals)).toEqual([true, true, false, false, false]);
  });

  it('writes the due day as the UTC day it is, and the first day a goal may be due', () => {
    expect(formatDueDate('2027-03-31')).toBe('Mar 31, 2027');
    expect(firstDueDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(firstDueDay(new Date('2026-12-06T00:00:00Z'))).toBe('2026-12-07');
  });

  it('clamps the progress to the bar', () => {
    expect([0.2, 1.4, -0.3, null].map((progress) => progressPercent(mrrGoal({ progress })))).toEqual([20, 100, 0, 0]);
    expect(progressPercent(mrrGoal({ progress: 0.125 }))).toBe(13);
  });

  it('sets a goal of the scope with POST, edits one with PUT, deletes with DELETE', async () => {
    await saveGoal('tok', 'ws_1', { metric: 'arr', target: 250000, targetDate: '2027-06-30' });
    await saveGoal('tok', 'ws_1', { metric: 'mrr', target: null, targetDate: '2027-06-30' }, 'g/1');
    answer = () => new Response(null, { status: 204 });
    await deleteGoal('tok', 'g_1');
    expect(calls).toEqual([
      { url: '/api/goals', method: 'POST', body: { workspaceId: 'ws_1', metric: 'arr', target: 250000, targetDate: '2027-06-30' } },
      { url: '/api/goals/g%2F1', method: 'PUT', body: { metric: 'mrr', target: null, targetDate: '2027-06-30' } },
      { url: '/api/goals/g_1', method: 'DELETE', body: undefined },
    ]);
  });

  it('turns a 400 into the errors by field and another refusal into its detail', async () => {
    answer = () => problem(400, { title: 'Invalid goal', errors: { target: ['must be a number'] } });
    const refused = await saveGoal('tok', 'ws_1', { metric: 'mrr', target: null, targetDate: '' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GoalValidationError);
    expect((refused as GoalValidationError).errors).toEqual({ target: ['must be a number'] });
    answer = () => problem(409, { title: 'Goal exists', detail: "'ws_1' already has a goal on mrr." });
    await expect(saveGoal('tok', 'ws_1', { metric: 'mrr', target: 1, targetDate: '2027-01-01' })).rejects.toThrow("'ws_1' already has a goal on mrr.");
  });
});
