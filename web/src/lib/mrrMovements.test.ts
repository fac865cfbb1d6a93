import { describe, expect, it } from 'vitest';
import { barExtent, formatSignedCurrency, movementRows } from './mrrMovements';

describe('movementRows', () => {
  it('gives gains as positive, contraction and churn as negative, and a net that is their sum', () => {
    const { rows, net } = movementRows({ new: 8400, expansion: 3150, contraction: 1200, churned: 2650, reactivation: 600 });
    expect(rows.map((r) => [r.label, r.amount])).toEqual([
      ['New', 8400], ['Expansion', 3150], ['Reactivation', 600], ['Contraction', -1200], ['Churned', -2650],
    ]);
    // 8400 + 3150 + 600 − 1200 − 2650
    expect(net).toEqual({ key: 'net', label: 'Net MRR change', amount: 8300 });
  });
  it('has no net when a movement is unknown, and no negative zero', () => {
    const { rows, net } = movementRows({ new: 100, expansion: null, contraction: 0, churned: 0, reactivation: 0 });
    expect(net.amount).toBeNull();
    expect(Object.is(rows[3].amount, 0)).toBe(true);
    expect(rows[1].amount).toBeNull();
  });
});

describe('barExtent', () => {
  it('draws gains right of the middle and losses left, the largest spanning half', () => {
    expect(barExtent(8000, 8000)).toEqual({ left: 50, width: 50 });
    expect(barExtent(-2000, 8000)).toEqual({ left: 37.5, width: 12.5 });
    expect(barExtent(null, 8000)).toEqual({ left: 50, width: 0 });
    expect(barExtent(0, 0)).toEqual({ left: 50, width: 0 });
  });
});

describe('formatSignedCurrency', () => {
  it('marks gains with a plus and leaves losses and nothing as they format', () => {
    expect(formatSignedCurrency(8300)).toBe('+$8,300');
    expect(formatSignedCurrency(-300)).toBe('-$300.00');
    expect(formatSignedCurrency(0)).toBe('$0.00');
    expect(formatSignedCurrency(null)).toBe('n/a');
  });
});
