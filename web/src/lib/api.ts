import { parseLayout, type CardSetting } from './layout';
import { parseSetting, readerParams, type ReaderSetting } from './readerZone';
import type { ExecutiveDashboardData, Timeframe } from './types';

export class ApiError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
  }
}

/** The overview of now, or of a fixed instant (`asOf`: it never changes). The reader's zone and week start are part of
 * the key: they place the trend buckets' edges. */
export const overviewKey = (scope: string, timeframe: Timeframe, reader?: ReaderSetting, asOf: string | null = null) =>
  ['overview', scope, timeframe, reader?.timeZone ?? '', reader?.weekStart ?? '', asOf ?? ''] as const;

/** The overview; with `sections`, only the services feeding them are asked (meta.sections says what it holds); with
 * `reader`, its trend buckets are cut at that zone's local boundaries; with `asOf`, the dashboard at that instant. */
export async function fetchOverview(
  token: string, scope: string, timeframe: Timeframe, signal?: AbortSignal, sections?: string[], reader?: ReaderSetting,
  asOf?: string | null,
): Promise<ExecutiveDashboardData> {
  const query = new URLSearchParams({ workspace_id: scope, timeframe, ...(reader ? readerParams(reader) : {}) });
  if (sections?.length) query.set('sections', sections.join(','));
  if (asOf) query.set('asOf', asOf);
  const response = await fetch(`/api/executive/overview?${query}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal,
  });
  if (!response.ok) throw await apiError(response, 'The overview');
  return (await response.json()) as ExecutiveDashboardData;
}

/** A request to the gateway as the signed-in person: the bearer token, JSON both ways. */
export function authorizedFetch(token: string, url: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(url, { ...init, headers });
}

/** The error a person reads for a refused or failed answer: the problem's own words, else what answered what. */
export async function apiError(response: Response, what: string): Promise<ApiError> {
  return new ApiError(response.status, (await problemDetail(response)) || `${what} answered ${response.status}.`);
}

/** What an RFC 7807 problem says (its detail, else its title); empty when the answer is not one. */
export async function problemDetail(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return problem.detail ?? problem.title ?? '';
  } catch {
    return '';
  }
}

const LAYOUT = '/api/users/me/layout';

/** Per person: the users service keys the layout by the token's subject. */
export const layoutKey = (subject: string) => ['layout', subject] as const;

/** The signed-in person's saved card layout, or null when they saved none (204) or the answer is not a layout. */
export async function fetchLayout(token: string, signal?: AbortSignal): Promise<CardSetting[] | null> {
  const response = await fetch(LAYOUT, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal });
  if (response.status === 204 || response.status === 404) return null;
  if (!response.ok) throw await apiError(response, 'The card layout');
  return parseLayout(await response.json());
}

/** `keepalive` lets a save started as the page goes away (reload, close) finish. */
export async function saveLayout(token: string, cards: readonly CardSetting[], keepalive = false): Promise<void> {
  const response = await fetch(LAYOUT, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ cards }),
    keepalive,
  });
  if (!response.ok) throw await apiError(response, 'Saving the card layout');
}

export async function deleteLayout(token: string, keepalive = false): Promise<void> {
  const response = await fetch(LAYOUT, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` }, keepalive });
  if (!response.ok && response.status !== 404) throw await apiError(response, 'Resetting the card layout');
}

const PREFERENCES = '/api/users/me/preferences';

/** Per person: the users service keys the preferences by the token's subject. */
export const preferencesKey = (subject: string) => ['preferences', subject] as const;

/** The signed-in person's saved zone and week start, or null when they saved none (204) or the answer is not one. */
export async function fetchPreferences(token: string, signal?: AbortSignal): Promise<ReaderSetting | null> {
  const response = await fetch(PREFERENCES, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal });
  if (response.status === 204 || response.status === 404) return null;
  if (!response.ok) throw await apiError(response, 'The preferences');
  return parseSetting(await response.json());
}

export async function savePreferences(token: string, setting: ReaderSetting): Promise<void> {
  const response = await fetch(PREFERENCES, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(setting),
  });
  if (!response.ok) throw await apiError(response, 'Saving the preferences');
}
