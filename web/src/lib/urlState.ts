// Timeframe, scope and an optional asOf live in the query string (shareable; the back button works). With asOf the page
// shows the dashboard at that instant (a digest's link opens it so) until "Back to now".
import { TIMEFRAMES, type Timeframe } from './types';

export interface ViewState { timeframe: Timeframe; scope: string | null; asOf: string | null }

/** An instant as the API takes it: UTC, to the second or millisecond. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export const DEFAULT_TIMEFRAME: Timeframe = '7d';

export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const tf = q.get('timeframe');
  const scope = q.get('scope');
  const asOf = q.get('asOf');
  return {
    timeframe: TIMEFRAMES.includes(tf as Timeframe) ? (tf as Timeframe) : DEFAULT_TIMEFRAME,
    scope: scope && scope.trim() ? scope.trim() : null,
    asOf: asOf && INSTANT.test(asOf) && !Number.isNaN(Date.parse(asOf)) ? asOf : null,
  };
}

export function toSearch(state: ViewState, current = ''): string {
  const q = new URLSearchParams(current);
  q.delete('access_token');
  q.set('timeframe', state.timeframe);
  if (state.scope) q.set('scope', state.scope); else q.delete('scope');
  if (state.asOf) q.set('asOf', state.asOf); else q.delete('asOf');
  return `?${q.toString()}`;
}
