import { STATUS_LABELS } from '../lib/goals';
import type { GoalStatus } from '../lib/types';

const TONE: Record<GoalStatus | 'pending', string> = {
  met: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  onTrack: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  atRisk: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  offTrack: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
  pending: 'bg-slate-100 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
};

/** A goal's status in words on a coloured pill: the words carry it, the colour repeats it. Null: not evaluated yet. */
export function GoalStatusBadge({ status }: { status: GoalStatus | null }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status ?? 'pending']}`} data-status={status ?? 'pending'}>
      {status ? STATUS_LABELS[status] : 'Pending'}
    </span>
  );
}
