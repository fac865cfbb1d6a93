import { useId } from 'react';
import { describeChange } from '../lib/change';
import { formatValue } from '../lib/format';
import type { ChangeUnit, MetricInfo, Unit } from '../lib/types';

export interface MetricLine {
  label: string;
  value: number | null;
  unit: Unit;
  change?: number | null;
  changeUnit?: ChangeUnit | null;
  higherIsBetter?: boolean;
}

export interface MetricCardProps {
  title: string;
  value: number | null;
  info: MetricInfo;
  /** Present only for metrics whose contract has a change; null = "n/a". */
  change?: number | null;
  extras?: MetricLine[];
  degraded?: boolean;
}

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

export function MetricCard({ title, value, info, change, extras = [], degraded }: MetricCardProps) {
  const tipId = useId();
  const hasChange = change !== undefined && info.changeUnit !== null;
  return (
    <article
      className="group relative flex min-h-32 flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-800"
      aria-label={title}
    >
      <header className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-600 dark:text-slate-300">{title}</h3>
        <span className="relative">
          <button
            type="button"
            className="peer rounded-full px-1 text-xs text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:text-slate-100"
            aria-describedby={tipId}
            aria-label={`About ${title}`}
          >
            {/* Drawn rather than the ⓘ character, which many system fonts render tiny or not at all. */}
            <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
              <circle cx="8" cy="8" r="6.5" />
              <path d="M8 7.2v4M8 4.8v.1" strokeLinecap="round" />
            </svg>
          </button>
          <span
            id={tipId}
            role="tooltip"
            className="pointer-events-none invisible absolute right-0 top-6 z-20 w-60 rounded-md bg-slate-900 p-2 text-xs text-white opacity-0 shadow-lg transition-opacity peer-hover:visible peer-hover:opacity-100 peer-focus-visible:visible peer-focus-visible:opacity-100 dark:bg-slate-100 dark:text-slate-900"
          >
            {info.description}
          </span>
        </span>
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
    </article>
  );
}

export function MetricCardSkeleton() {
  return (
    <div className="min-h-32 animate-pulse rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-800" aria-hidden="true">
      <div className="mb-4 h-4 w-2/3 rounded bg-slate-200 dark:bg-slate-700" />
      <div className="h-8 w-1/2 rounded bg-slate-200 dark:bg-slate-700" />
      <div className="mt-4 h-3 w-3/4 rounded bg-slate-200 dark:bg-slate-700" />
    </div>
  );
}
