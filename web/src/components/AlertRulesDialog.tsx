import { useQuery } from '@tanstack/react-query';
import { fetchRules, rulesKey } from '../lib/alerts';
import { Dialog } from './Dialog';
import { RuleForm } from './RuleForm';
import { BUTTON } from './styles';

export interface AlertRulesDialogProps {
  token: string;
  onClose: () => void;
}

/** The rules' thresholds in a modal dialog, a form per rule. Loaded when first opened. */
export default function AlertRulesDialog({ token, onClose }: AlertRulesDialogProps) {
  const rules = useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => fetchRules(token, signal),
    // Another admin may have changed them: read them afresh at each opening.
    staleTime: 0,
    // The person is looking at the dialog: an error with "Try again" beats seconds of silent retries.
    retry: false,
  });
  return (
    <Dialog title="Alert rules" onClose={onClose} width="max-w-3xl">
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-4" aria-busy={rules.isFetching}>
        <p className="text-sm text-slate-600 dark:text-slate-300">Thresholds apply to every workspace and to the platform as a whole.</p>
        {rules.isError ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            <p>{rules.error.message}</p>
            <button type="button" onClick={() => void rules.refetch()} className={`mt-3 ${BUTTON}`}>Try again</button>
          </div>
        ) : rules.isPending ? (
          <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">Loading…</p>
        ) : (
          rules.data.map((rule) => <RuleForm key={rule.name} rule={rule} token={token} />)
        )}
      </div>
    </Dialog>
  );
}
