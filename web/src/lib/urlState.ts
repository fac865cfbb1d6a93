// Timeframe and scope live in the query string (shareable; the back button works).
import { TIMEFRAMES, type Timeframe } from './types';

export interface ViewState { timeframe: Timeframe; scope: string | null }

export const DEFAULT_TIMEFRAME: Timeframe = '7d';

export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const tf = q.get('timeframe');
  const scope = q.get('scope');
  return {
    timeframe: TIMEFRAMES.includes(tf as Timeframe) ? (tf as Timeframe) : DEFAULT_TIMEFRAME,
    scope: scope && scope.trim() ? scope.trim() : null,
  };
}

export function toSearch(state: ViewState, current = ''): string {
  const q = new URLSearchParams(current);
  q.delete('access_token');
  q.set('timeframe', state.timeframe);
  if (state.scope) q.set('scope', state.scope); else q.delete('scope');
  return `?${q.toString()}`;
}
