import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { RuleValidationError, rulesKey, saveRule, type AlertRule } from '../lib/alerts';
import { BUTTON, ERROR_TEXT } from './styles';

const FIELD = 'w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:aria-invalid:border-red-400';

/** An input's text as the number to send: null when empty or unreadable, so that the service says what is wrong. */
const toNumber = (text: string): number | null => {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(n) ? n : null;
};

export interface RuleFormProps {
  rule: AlertRule;
  token: string;
}

/**
 * One rule's thresholds: a labelled number input per parameter and a Save that sends this rule's parameters only.
 * The browser's own range check is off (noValidate): the service's messages are the ones a person reads, per field.
 */
export function RuleForm({ rule, token }: RuleFormProps) {
  const id = useId();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(
    () => Object.fromEntries(rule.limits.map((l) => [l.name, String(rule.parameters[l.name] ?? l.default)])));
  const save = useMutation({
    mutationFn: (parameters: Record<string, number | null>) => saveRule(token, rule.name, parameters),
    onSuccess: (saved) => client.setQueryData<AlertRule[]>(rulesKey, (list) => list?.map((r) => (r.name === saved.name ? saved : r))),
  });
  const problem = save.error instanceof RuleValidationError ? save.error : null;
  const fieldErrors = problem?.errors ?? {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    save.mutate(Object.fromEntries(rule.limits.map((l) => [l.name, toNumber(values[l.name] ?? '')])));
  };
  const edit = (name: string, text: string) => {
    setValues((v) => ({ ...v, [name]: text }));
    if (save.isSuccess) save.reset();
  };

  return (
    <form noValidate onSubmit={submit}>
      <fieldset className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 font-mono text-sm font-semibold">{rule.name}</legend>
        <p className="text-sm text-slate-600 dark:text-slate-300">{rule.description}</p>
        {rule.limits.length === 0 ? (
          // goal-off-track: each goal is its own threshold, set on its metric's card.
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No thresholds to set here.</p>
        ) : (<>
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {rule.limits.map((l) => {
            const input = `${id}-${l.name}`;
            const errors = fieldErrors[l.name];
            return (
              <div key={l.name}>
                <label htmlFor={input} className="block font-mono text-xs font-medium text-slate-700 dark:text-slate-200">{l.name}</label>
                <input
                  id={input}
                  type="number"
                  step="any"
                  min={l.min}
                  max={l.max}
                  value={values[l.name] ?? ''}
                  onChange={(e) => edit(l.name, e.target.value)}
                  aria-invalid={errors ? true : undefined}
                  aria-describedby={errors ? `${input}-hint ${input}-error` : `${input}-hint`}
                  className={`mt-1 ${FIELD}`}
                />
                <p id={`${input}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-300">{l.description} ({l.min} to {l.max})</p>
                {errors && <p id={`${input}-error`} className={`mt-1 ${ERROR_TEXT}`}>{errors.join(' ')}</p>}
              </div>
            );
          })}
        </div>
        {save.isError && (
          <div role="alert" className={`mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200`}>
            <p className="text-sm font-medium">{save.error.message}</p>
            {problem && Object.keys(fieldErrors).length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {Object.entries(fieldErrors).map(([field, messages]) => <li key={field}><span className="font-mono">{field}</span>: {messages.join(' ')}</li>)}
              </ul>
            )}
          </div>
        )}
        <div className="mt-3 flex items-center gap-3">
          <button type="submit" aria-disabled={save.isPending} className={`${BUTTON} aria-disabled:cursor-wait aria-disabled:opacity-60`}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          <span role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-300">{save.isSuccess ? 'Saved' : ''}</span>
        </div>
        </>)}
      </fieldset>
    </form>
  );
}
