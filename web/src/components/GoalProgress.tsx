import { formatValue } from '../lib/format';
import { formatDueDate, GOAL_METRICS, progressPercent } from '../lib/goals';
import type { Goal } from '../lib/types';
import { GoalStatusBadge } from './GoalStatusBadge';

const BAR: Record<string, string> = {
  met: 'bg-emerald-600 dark:bg-emerald-400',
  onTrack: 'bg-emerald-600 dark:bg-emerald-400',
  atRisk: 'bg-amber-500 dark:bg-amber-400',
  offTrack: 'bg-red-600 dark:bg-red-400',
};

/** One goal inside its metric's card: the target and its day, a progress bar from the baseline, where the trend of the
 * last 30 days leads by that day, and the status; ceo and admin get an Edit button. */
export function GoalProgress({ goal, onEdit }: { goal: Goal; onEdit?: () => void }) {
  const { label, unit } = GOAL_METRICS[goal.metric];
  const pct = progressPercent(goal);
  const due = formatDueDate(goal.targetDate);
  return (
    <div className="space-y-1" data-testid="goal" data-metric={goal.metric}>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-medium text-slate-700 dark:text-slate-200">
          {label} goal: <span className="tabular-nums">{formatValue(goal.target, unit)}</span> by {due}
        </p>
        <GoalStatusBadge status={goal.status} />
      </div>
      <div
        role="progressbar"
        aria-label={`${label} goal progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={goal.progress === null ? 'not evaluated yet' : `${pct}% of the way from ${formatValue(goal.baseline, unit)} to ${formatValue(goal.target, unit)}`}
        className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className={`h-full rounded-full ${BAR[goal.status ?? ''] ?? 'bg-slate-400'}`} style={{ width: `${pct}%` }} />
      </div>
      <div className="flex items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
        <p className="tabular-nums">
          {goal.status === null ? 'Evaluating…' : <>Now {formatValue(goal.current, unit)} · projected {formatValue(goal.projected, unit)}</>}
        </p>
        {onEdit && (
          <button type="button" onClick={onEdit} aria-haspopup="dialog" aria-label={`Edit the ${label} goal`}
            className="rounded px-1 text-xs font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-300">
            Edit
          </button>
        )}
      </div>
    </div>
  );
}
