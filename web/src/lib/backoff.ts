// Reconnect delays: exponential with "full jitter" below a cap, so that a gateway restart does not
// bring every browser back in the same millisecond.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0 = no jitter; 1 = the delay is anywhere in [0, d]. Default 0.5: in [d/2, d]. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, jitter: 0.5 };

/** Delay before reconnect attempt `attempt` (0 = first retry after a drop). */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const spread = exp * options.jitter;
  return Math.round(exp - spread + random() * spread);
}
