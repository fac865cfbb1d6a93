// Pure: the period's MRR movements as signed rows. The contract gives contraction and churn as positive amounts and
// defines mrr(start) + new + expansion + reactivation − contraction − churned = mrr(end), so the net of the rows is
// the period's MRR change in money (businessMetrics.mrrChange is a percentage and is not used here).
import { formatCurrency } from './format';
import type { ExecutiveDashboardData } from './types';

export type Movements = ExecutiveDashboardData['mrrMovements'];

export interface MovementRow {
  key: keyof Movements | 'net';
  label: string;
  /** Signed: gains positive, losses negative; null when the overview has no number. */
  amount: number | null;
}

const GAINS = [['new', 'New'], ['expansion', 'Expansion'], ['reactivation', 'Reactivation']] as const;
const LOSSES = [['contraction', 'Contraction'], ['churned', 'Churned']] as const;

export function movementRows(m: Movements): { rows: MovementRow[]; net: MovementRow } {
  const rows: MovementRow[] = [
    ...GAINS.map(([key, label]) => ({ key, label, amount: m[key] })),
    // 0 − x rather than −x: no loss shows as "-$0.00".
    ...LOSSES.map(([key, label]) => { const v = m[key]; return { key, label, amount: v === null ? null : 0 - v }; }),
  ];
  // A net of partial numbers would be a number the overview never gave.
  const net = rows.every((r) => r.amount !== null) ? rows.reduce((sum, r) => sum + (r.amount as number), 0) : null;
  return { rows, net: { key: 'net', label: 'Net MRR change', amount: net } };
}

/** Bar geometry of a diverging chart in percent of the track, zero in the middle: the largest magnitude spans half. */
export function barExtent(amount: number | null, largest: number): { left: number; width: number } {
  if (amount === null || amount === 0 || largest <= 0) return { left: 50, width: 0 };
  const width = (Math.abs(amount) / largest) * 50;
  return { left: amount > 0 ? 50 : 50 - width, width };
}

/** "+$1,200" for a gain, "-$300.00" for a loss, as the PDF writes them; "n/a" for null. */
export function formatSignedCurrency(n: number | null): string {
  return n !== null && n > 0 ? `+${formatCurrency(n)}` : formatCurrency(n);
}
