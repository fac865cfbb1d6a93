import { lazy, Suspense, useRef, useState } from 'react';
import { GOAL_METRICS } from '../lib/goals';
import type { Goal, GoalMetric } from '../lib/types';
import { GoalProgress } from './GoalProgress';

// Only those who open it pay for it.
const GoalDialog = lazy(() => import('./GoalDialog'));

export interface CardGoalsProps {
  /** The goal metrics this card shows. */
  metrics: readonly GoalMetric[];
  /** The scope's goals (any metric); this card shows its own. */
  goals: readonly Goal[];
  /** Present for ceo and admin: they set, edit and delete the scope's goals. */
  editing?: { token: string; scope: string };
}

/** The goals of one metric card, with "Set a goal" while a metric of the card has none. */
export function CardGoals({ metrics, goals, editing }: CardGoalsProps) {
  const [open, setOpen] = useState<{ goal?: Goal } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const own = goals.filter((g) => metrics.includes(g.metric));
  const free = metrics.filter((m) => !own.some((g) => g.metric === m));
  if (own.length === 0 && !editing) return null;

  const show = (goal: Goal | undefined, from: HTMLElement) => { opener.current = from; setOpen({ goal }); };
  return (
    <div className="mt-3 space-y-2 border-t border-slate-100 pt-2 dark:border-slate-700">
      {own.map((g) => (
        <GoalProgress key={g.id} goal={g} onEdit={editing ? () => show(g, document.activeElement as HTMLElement) : undefined} />
      ))}
      {editing && free.length > 0 && (
        <button type="button" aria-haspopup="dialog" onClick={(e) => show(undefined, e.currentTarget)}
          aria-label={`Set a goal on ${free.map((m) => GOAL_METRICS[m].label).join(' or ')}`}
          className="rounded px-1 text-xs font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-300">
          + Set a goal
        </button>
      )}
      {open && editing && (
        <Suspense fallback={null}>
          <GoalDialog
            token={editing.token}
            scope={editing.scope}
            metrics={open.goal ? [open.goal.metric, ...free] : free}
            goal={open.goal}
            onClose={() => { setOpen(null); opener.current?.focus(); }}
          />
        </Suspense>
      )}
    </div>
  );
}
