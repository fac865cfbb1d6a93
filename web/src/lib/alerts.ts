// The alerts service through the gateway (/api/alerts): a scope's active and recently resolved alerts, the
// acknowledgement, and the rules' thresholds.
import { ApiError, apiError, authorizedFetch } from './api';
import type { ActiveAlert } from './types';

export interface AlertView extends ActiveAlert {
  /** The alert's scope: a workspace id, or 'all' for an alert of the whole platform. */
  workspaceId: string;
  state: 'active' | 'resolved';
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  /** The subject (`sub`) of the first person who acknowledged it. */
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
}

/** How many resolved alerts the panel lists under the active ones ("recent alerts"). */
export const RECENT_RESOLVED = 10;

/** Every alerts query of a scope starts with this: a `metrics_update` naming activeAlerts refreshes them all. */
export const alertsKey = (scope: string) => ['alerts', scope] as const;
export const activeAlertsKey = (scope: string) => [...alertsKey(scope), 'active'] as const;
export const resolvedAlertsKey = (scope: string) => [...alertsKey(scope), 'resolved', RECENT_RESOLVED] as const;

/** The roles the alerts service lets acknowledge (it answers 403 to the others). */
const ACKNOWLEDGE_ROLES = ['ceo', 'admin'];
export const canAcknowledge = (role: string) => ACKNOWLEDGE_ROLES.includes(role);
/** Rules apply to every workspace: the service lets only a token for the whole platform change them. */
export const canEditRules = (workspaces: readonly string[]) => workspaces.includes('*');

/** Active alerts come highest severity first, then newest; resolved ones newest resolution first (the service's orders). */
export async function fetchAlerts(token: string, scope: string, state: 'active' | 'resolved', limit?: number, signal?: AbortSignal): Promise<AlertView[]> {
  const query = new URLSearchParams({ workspace_id: scope, state });
  if (limit !== undefined) query.set('limit', String(limit));
  const response = await authorizedFetch(token, `/api/alerts?${query}`, { signal });
  if (!response.ok) throw await apiError(response, 'The alerts service');
  return (await response.json()) as AlertView[];
}

/** The first acknowledgement stays: acknowledging again answers the alert as it was acknowledged first. */
export async function acknowledgeAlert(token: string, id: string): Promise<AlertView> {
  const response = await authorizedFetch(token, `/api/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' });
  if (!response.ok) throw await apiError(response, 'Acknowledging the alert');
  return (await response.json()) as AlertView;
}

/**
 * Active alerts, then the recently resolved ones. An alert that resolved between the two answers is in both: resolved
 * is final, so the resolved row wins.
 */
export function recentAlerts(active: readonly AlertView[], resolved: readonly AlertView[]): AlertView[] {
  const done = new Set(resolved.map((a) => a.id));
  return [...active.filter((a) => !done.has(a.id)), ...resolved];
}

/** A list with one alert replaced by a newer view of it (the acknowledge answer); the same list when it is not there. */
export function withAlert(list: AlertView[] | undefined, view: AlertView): AlertView[] | undefined {
  if (!list?.some((a) => a.id === view.id)) return list;
  return list.map((a) => (a.id === view.id ? view : a));
}

/** The overview's active alerts say nothing of acknowledgement: shown only until the alerts service answers. */
export function fromOverview(alert: ActiveAlert): AlertView {
  return { ...alert, workspaceId: '', state: 'active', resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null };
}

/** "Acknowledged by Dana": the name when the token had one, else the subject. */
export function acknowledgedLabel(a: AlertView): string {
  const who = a.acknowledgedByName || a.acknowledgedBy;
  return who ? `Acknowledged by ${who}` : 'Acknowledged';
}

export interface RuleLimit {
  name: string;
  default: number;
  min: number;
  max: number;
  description: string;
}

export interface AlertRule {
  name: string;
  description: string;
  /** The thresholds in force, by parameter name. */
  parameters: Record<string, number>;
  limits: RuleLimit[];
}

export const rulesKey = ['alertRules'] as const;

export async function fetchRules(token: string, signal?: AbortSignal): Promise<AlertRule[]> {
  const response = await authorizedFetch(token, '/api/alerts/rules', { signal });
  if (!response.ok) throw await apiError(response, 'The alert rules');
  return (await response.json()) as AlertRule[];
}

/** A 400 of a rule edit: the problem's title and its messages by field (a parameter's name, or another key). */
export class RuleValidationError extends ApiError {
  constructor(title: string, public readonly errors: Record<string, string[]>) {
    super(400, title);
  }
}

/**
 * Saves some thresholds of one rule. A value a person left empty or unreadable goes as null: the service says what is
 * wrong with it, as it does for a value out of range, so the rules of validity live in one place.
 */
export async function saveRule(token: string, name: string, parameters: Record<string, number | null>): Promise<AlertRule> {
  const response = await authorizedFetch(token, `/api/alerts/rules/${encodeURIComponent(name)}`, { method: 'PUT', body: JSON.stringify(parameters) });
  if (response.status === 400) {
    const problem = await response.json().catch(() => ({})) as { title?: string; errors?: Record<string, string[]> };
    throw new RuleValidationError(problem.title ?? `The thresholds of ${name} were refused.`, problem.errors ?? {});
  }
  if (!response.ok) throw await apiError(response, 'Saving the rule');
  return (await response.json()) as AlertRule;
}
