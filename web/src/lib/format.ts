// Pure formatting helpers: no React, no I/O. Every helper turns null/undefined/NaN into "n/a".
import type { ChangeUnit, Unit } from './types';

export const NA = 'n/a';

const isNumber = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdCompact = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

/** 12345 → "12,345"; from a million on, compact ("1.2M") so that a card never overflows. */
export function formatCount(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  return Math.abs(n) >= 1_000_000 ? compact.format(n) : grouped.format(n);
}

/** Short form for chart axes: 1200 → "1.2K". */
export function formatCompact(n: number | null | undefined): string {
  return isNumber(n) ? compact.format(n) : NA;
}

/** USD: whole dollars from $1,000 on, cents below (a CAC of $84.50 matters, an MRR's cents do not). */
export function formatCurrency(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  if (Math.abs(n) >= 10_000_000) return usdCompact.format(n);
  return Math.abs(n) >= 1000 ? usdWhole.format(n) : usdCents.format(n);
}

/** A value that already is a percentage: 97.456 → "97.5%". */
export function formatPercent(n: number | null | undefined, digits = 1): string {
  return isNumber(n) ? `${n.toFixed(digits)}%` : NA;
}

/** A difference of two percentages, in percentage points: 1.25 → "+1.3 pp". */
export function formatPp(n: number | null | undefined, digits = 1): string {
  return isNumber(n) ? `${signed(n, digits)} pp` : NA;
}

/** Runtime in seconds: "0.85 s", "4.2 s", "3.5 min", "1.2 h". */
export function formatSeconds(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  if (n < 10) return `${n.toFixed(2)} s`;
  if (n < 60) return `${n.toFixed(1)} s`;
  if (n < 3600) return `${(n / 60).toFixed(1)} min`;
  return `${(n / 3600).toFixed(1)} h`;
}

/** LTV:CAC and other ratios: 3.24 → "3.2×". */
export function formatRatio(n: number | null | undefined): string {
  return isNumber(n) ? `${n.toFixed(1)}×` : NA;
}

export function formatValue(n: number | null | undefined, unit: Unit): string {
  switch (unit) {
    case 'currency': return formatCurrency(n);
    case 'percent': return formatPercent(n);
    case 'seconds': return formatSeconds(n);
    case 'ratio': return formatRatio(n);
    default: return formatCount(n);
  }
}

/** A change: relative ("+12.3%") or in percentage points ("-2.0 pp"). */
export function formatChange(n: number | null | undefined, unit: ChangeUnit): string {
  if (!isNumber(n)) return NA;
  return unit === 'pp' ? formatPp(n) : `${signed(n, 1)}%`;
}

function signed(n: number, digits: number): string {
  const fixed = Math.abs(n).toFixed(digits);
  if (Number(fixed) === 0) return (0).toFixed(digits);
  return `${n > 0 ? '+' : '-'}${fixed}`;
}
