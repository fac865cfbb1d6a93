// Goals: which card shows which goal metric, who may set them, and the calls of /api/goals (the alerts service).
import { apiError, authorizedFetch, ApiError } from './api';
import type { CardId } from './cards';
import type { Goal, GoalMetric, GoalStatus, Unit } from './types';

/** Each goal metric's name as the card says it, its unit, and the card that shows it. */
export const GOAL_METRICS: Record<GoalMetric, { label: string; unit: Unit; card: CardId }> = {
  mrr: { label: 'MRR', unit: 'currency', card: 'mrr' },
  arr: { label: 'ARR', unit: 'currency', card: 'mrr' },
  runs: { label: 'Runs in 30 days', unit: 'count', card: 'totalRuns' },
  successRate: { label: 'Success rate over 30 days', unit: 'percent', card: 'successRate' },
  paidWorkspaces: { label: 'Paid workspaces', unit: 'count', card: 'activeWorkspaces' },
  dau: { label: 'Daily active users', unit: 'count', card: 'dau' },
};

export const GOAL_METRIC_IDS = Object.keys(GOAL_METRICS) as GoalMetric[];

/** The goal metrics a card shows, in GOAL_METRICS' order. */
export const metricsOfCard = (card: CardId): GoalMetric[] => GOAL_METRIC_IDS.filter((m) => GOAL_METRICS[m].card === card);

export const STATUS_LABELS: Record<GoalStatus, string> = { met: 'Met', onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' };

/** The roles the alerts service lets set goals (it answers 403 to the others). */
export const canSetGoals = (role: string) => role === 'ceo' || role === 'admin';

/** "Mar 31, 2027": the due day as it is stored, a UTC day, whatever the viewer's zone. */
export function formatDueDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' });
}

/** Tomorrow as yyyy-MM-dd (UTC): the first day a goal may be due. */
export function firstDueDay(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString().slice(0, 10);
}

/** Progress in whole percent for the bar, 0 until evaluated. */
export const progressPercent = (goal: Goal) => Math.round(Math.min(1, Math.max(0, goal.progress ?? 0)) * 100);

/** A 400 of a goal: the problem's title and its messages by field (metric, target, targetDate…). */
export class GoalValidationError extends ApiError {
  constructor(title: string, public readonly errors: Record<string, string[]>) {
    super(400, title);
  }
}

export interface GoalInput {
  metric: GoalMetric;
  /** Null when the field is empty or unreadable: the service says what is wrong with it. */
  target: number | null;
  targetDate: string;
}

/** Sets a goal of the scope, or edits `id`'s; the validity rules live in the service, which names each bad field. */
export async function saveGoal(token: string, scope: string, input: GoalInput, id?: string): Promise<Goal> {
  const response = id
    ? await authorizedFetch(token, `/api/goals/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(input) })
    : await authorizedFetch(token, '/api/goals', { method: 'POST', body: JSON.stringify({ workspaceId: scope, ...input }) });
  if (response.status === 400) {
    const problem = await response.json().catch(() => ({})) as { title?: string; errors?: Record<string, string[]> };
    throw new GoalValidationError(problem.title ?? 'The goal was refused.', problem.errors ?? {});
  }
  if (!response.ok) throw await apiError(response, 'Saving the goal');
  return (await response.json()) as Goal;
}

export async function deleteGoal(token: string, id: string): Promise<void> {
  const response = await authorizedFetch(token, `/api/goals/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (!response.ok && response.status !== 404) throw await apiError(response, 'Deleting the goal');
}
