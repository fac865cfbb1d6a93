// How a change reads: its direction and whether that direction is good, from meta.metricInfo
// (higherIsBetter), never guessed from a title.
import type { ChangeUnit } from './types';
import { formatChange } from './format';

export type Direction = 'up' | 'down' | 'flat' | 'none';
export type Tone = 'good' | 'bad' | 'neutral';

export interface ChangeView {
  direction: Direction;
  tone: Tone;
  text: string;
  /** A sentence for screen readers: "up 12.3% vs the previous period (better)". */
  label: string;
}

export function describeChange(change: number | null | undefined, unit: ChangeUnit, higherIsBetter: boolean): ChangeView {
  const text = formatChange(change, unit);
  if (typeof change !== 'number' || !Number.isFinite(change)) {
    return { direction: 'none', tone: 'neutral', text, label: 'change not available' };
  }
  // What the reader sees decides "flat": a change that rounds to 0.0 is not coloured.
  const direction: Direction = Number(Math.abs(change).toFixed(1)) === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  const tone = toneOf(direction, higherIsBetter);
  const word = direction === 'flat' ? 'unchanged' : direction;
  const judgement = tone === 'neutral' ? '' : tone === 'good' ? ' (better)' : ' (worse)';
  return { direction, tone, text, label: `${word} ${text} vs the previous period${judgement}` };
}

export function toneOf(direction: Direction, higherIsBetter: boolean): Tone {
  if (direction === 'up') return higherIsBetter ? 'good' : 'bad';
  if (direction === 'down') return higherIsBetter ? 'bad' : 'good';
  return 'neutral';
}
