import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const noJitter = { baseMs: 500, maxMs: 30_000, jitter: 0 };

  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(1000, noJitter)).toBe(30_000);
  });

  it('jitter keeps the delay within [d·(1-j), d]', () => {
    const opts = { baseMs: 1000, maxMs: 60_000, jitter: 0.5 };
    expect(backoffDelay(2, opts, () => 0)).toBe(2000);
    expect(backoffDelay(2, opts, () => 0.999999)).toBe(4000);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3, opts);
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(8000);
    }
  });
});
