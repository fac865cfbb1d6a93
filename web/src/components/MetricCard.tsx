import type { ReactNode } from 'react';
import { describeChange } from '../lib/change';
import { formatValue } from '../lib/format';
import { InfoTip } from './InfoTip';
import type { ChangeUnit, MetricInfo, Unit } from '../lib/types';

export interface MetricLine {
  label: string;
  value: number | null;
  unit: Unit;
  change?: number | null;
  changeUnit?: ChangeUnit | null;
  higherIsBetter?: boolean;
}

export interface MetricCardData {
  title: string;
  value: number | null;
  info: MetricInfo;
  /** Present only for metrics whose contract has a change; null = "n/a". */
  change?: number | null;
  extras?: MetricLine[];
  degraded?: boolean;
}

/** A card with its numbers, or (loading) its title alone, until the first overview. */
export type MetricCardProps = (MetricCardData & { loading?: false; footer?: ReactNode }) | { title: string; loading: true };

const toneClass = {
  good: 'text-emerald-700 dark:text-emerald-400',
  bad: 'text-red-700 dark:text-red-400',
  neutral: 'text-slate-500 dark:text-slate-400',
} as const;

const arrow = { up: '▲', down: '▼', flat: '■', none: '' } as const;

export function ChangeBadge({ change, unit, higherIsBetter, small }: { change: number | null | undefined; unit: ChangeUnit; higherIsBetter: boolean; small?: boolean }) {
  const view = describeChange(change, unit, higherIsBetter);
  return (
    <span
      className={`inline-flex items-center gap-0.5 tabular-nums ${small ? 'text-xs' : 'text-sm font-medium'} ${toneClass[view.tone]}`}
      data-tone={view.tone}
      data-direction={view.direction}
      aria-label={view.label}
      title={view.label}
    >
      {arrow[view.direction] && <span aria-hidden="true">{arrow[view.direction]}</span>}
      <span>{view.text}</span>
    </span>
  );
}

const CARD = 'group relative flex h-full min-h-32 flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-800';
const BAR = 'rounded bg-slate-200 motion-safe:animate-pulse dark:bg-slate-700';

export function MetricCard(props: MetricCardProps) {
  if (props.loading) {
    return (
      // Not yet an article: the page's tests and assistive technologies find a card by its role once it has numbers.
      <div className={CARD} aria-busy="true" data-loading="true">
        <p className="text-sm font-medium text-slate-600 dark:text-slate-300">{props.title}</p>
        <div className={`mt-3 h-7 w-1/2 ${BAR}`} />
        <div className={`mt-auto h-3 w-3/4 ${BAR}`} />
      </div>
    );
  }
  const { title, value, info, change, extras = [], degraded, footer } = props;
  const hasChange = change !== undefined && info.changeUnit !== null;
  return (
    <article className={CARD} aria-label={title}>
      <header className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-600 dark:text-slate-300">{title}</h3>
        <InfoTip title={title} text={info.description} />
      </header>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-x-2">
        <p className="text-2xl font-semibold tabular-nums text-slate-900 dark:text-white" data-testid="metric-value">
          {degraded ? 'n/a' : formatValue(value, info.unit)}
        </p>
        {hasChange && !degraded && <ChangeBadge change={change} unit={info.changeUnit!} higherIsBetter={info.higherIsBetter} />}
      </div>
      {extras.length > 0 && (
        <dl className="mt-auto space-y-0.5 pt-2 text-xs text-slate-500 dark:text-slate-400">
          {extras.map((e) => (
            <div key={e.label} className="flex items-center justify-between gap-2">
              <dt>{e.label}</dt>
              <dd className="flex items-center gap-2 tabular-nums">
                <span className="text-slate-700 dark:text-slate-200">{degraded ? 'n/a' : formatValue(e.value, e.unit)}</span>
                {e.changeUnit && e.change !== undefined && !degraded && (
                  <ChangeBadge change={e.change} unit={e.changeUnit} higherIsBetter={e.higherIsBetter ?? true} small />
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {degraded && <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">Temporarily unavailable</p>}
      {footer}
    </article>
  );
}
