import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { deleteGoal, firstDueDay, GOAL_METRICS, GoalValidationError, saveGoal } from '../lib/goals';
import type { Goal, GoalMetric } from '../lib/types';
import { Dialog } from './Dialog';
import { BUTTON, ERROR_TEXT } from './styles';

const FIELD = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

export interface GoalDialogProps {
  token: string;
  scope: string;
  /** The metrics the goal may be on (the card's, less those with a goal already). */
  metrics: readonly GoalMetric[];
  /** Editing this goal; absent to set a new one. */
  goal?: Goal;
  onClose: () => void;
}

const toNumber = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));

/** Set, edit or delete a goal of the scope. The service validates (and names each bad field); the page refetches the
 * overview's goals once it is saved. Loaded when first opened. */
export default function GoalDialog({ token, scope, metrics, goal, onClose }: GoalDialogProps) {
  const id = useId();
  const client = useQueryClient();
  const [metric, setMetric] = useState<GoalMetric>(goal?.metric ?? metrics[0]);
  const [target, setTarget] = useState(goal ? String(goal.target) : '');
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? '');
  const done = () => { void client.invalidateQueries({ queryKey: ['overview', scope] }); onClose(); };
  const save = useMutation({ mutationFn: () => saveGoal(token, scope, { metric, target: toNumber(target), targetDate }, goal?.id), onSuccess: done });
  const remove = useMutation({ mutationFn: () => deleteGoal(token, goal!.id), onSuccess: done });
  const errors = save.error instanceof GoalValidationError ? save.error.errors : {};
  const failure = save.error ?? remove.error;

  const submit = (e: FormEvent) => { e.preventDefault(); if (!save.isPending) save.mutate(); };
  const field = (name: string, label: string, hint: string, input: (props: { id: string; 'aria-describedby': string; 'aria-invalid'?: boolean }) => ReactNode) => {
    const fieldId = `${id}-${name}`;
    const messages = errors[name];
    return (
      <div>
        <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700 dark:text-slate-200">{label}</label>
        {input({ id: fieldId, 'aria-describedby': messages ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`, 'aria-invalid': messages ? true : undefined })}
        <p id={`${fieldId}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-300">{hint}</p>
        {messages && <p id={`${fieldId}-error`} className={`mt-1 ${ERROR_TEXT}`}>{messages.join(' ')}</p>}
      </div>
    );
  };

  return (
    <Dialog title={goal ? `Edit the ${GOAL_METRICS[goal.metric].label} goal` : 'Set a goal'} onClose={onClose} width="max-w-md">
      <form noValidate onSubmit={submit} className="space-y-4 p-4">
        {field('metric', 'Metric', 'Every goal metric is higher-is-better.', (props) => (
          <select {...props} value={metric} onChange={(e) => setMetric(e.target.value as GoalMetric)} className={`mt-1 ${FIELD}`}>
            {metrics.map((m) => <option key={m} value={m}>{GOAL_METRICS[m].label}</option>)}
          </select>
        ))}
        {field('target', 'Target', GOAL_METRICS[metric].unit === 'percent' ? 'In percent, up to 100.' : GOAL_METRICS[metric].unit === 'currency' ? 'In dollars, at most 2 decimals.' : 'A whole number.', (props) => (
          <input {...props} type="number" step="any" min={0} value={target} onChange={(e) => setTarget(e.target.value)} className={`mt-1 ${FIELD}`} />
        ))}
        {field('targetDate', 'Due by', 'The end of this day, UTC; after today.', (props) => (
          <input {...props} type="date" min={firstDueDay(new Date())} value={targetDate} onChange={(e) => setTargetDate(e.target.value)} className={`mt-1 ${FIELD}`} />
        ))}
        {failure && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {failure.message}
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" aria-disabled={save.isPending} className={`${BUTTON} aria-disabled:cursor-wait aria-disabled:opacity-60`}>
            {save.isPending ? 'Saving…' : 'Save goal'}
          </button>
          {goal && (
            <button type="button" onClick={() => remove.mutate()} aria-disabled={remove.isPending}
              className={`${BUTTON} ml-auto border-red-300 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950`}>
              {remove.isPending ? 'Deleting…' : 'Delete goal'}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
