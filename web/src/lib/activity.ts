import type { ActivityFrame } from './types';

export const FEED_LIMIT = 50;

/** Newest first; a line already shown (same id, e.g. replayed after a reconnect) is not repeated. */
export function prependActivity(list: readonly ActivityFrame[], frame: ActivityFrame, limit = FEED_LIMIT): ActivityFrame[] {
  if (frame.id && list.some((f) => f.id === frame.id)) return list as ActivityFrame[];
  return [frame, ...list].slice(0, limit);
}
