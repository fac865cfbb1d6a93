import type { ExecutiveDashboardData, Timeframe } from './types';

export class ApiError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
  }
}

export const overviewKey = (scope: string, timeframe: Timeframe) => ['overview', scope, timeframe] as const;

/** The overview; with `sections`, only the services feeding them are asked (meta.sections says what it holds). */
export async function fetchOverview(token: string, scope: string, timeframe: Timeframe, signal?: AbortSignal, sections?: string[]): Promise<ExecutiveDashboardData> {
  const query = new URLSearchParams({ workspace_id: scope, timeframe });
  if (sections?.length) query.set('sections', sections.join(','));
  const response = await fetch(`/api/executive/overview?${query}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal,
  });
  if (!response.ok) {
    let detail = '';
    try {
      const problem = (await response.json()) as { title?: string; detail?: string };
      detail = problem.detail ?? problem.title ?? '';
    } catch { /* not a problem document */ }
    throw new ApiError(response.status, detail || `The overview answered ${response.status}.`);
  }
  return (await response.json()) as ExecutiveDashboardData;
}
