import { useMutation, useQueryClient } from '@tanstack/react-query';
import { acknowledgeAlert, alertsKey, withAlert, type AlertView } from '../lib/alerts';
import { BUTTON, ERROR_TEXT } from './styles';

export interface AcknowledgeButtonProps {
  alert: AlertView;
  token: string;
  /** The page's scope: its alerts lists take the acknowledged alert as the service answered it. */
  scope: string;
  /** After the service took it: the button goes away with the row's new state, which takes the focus. */
  onAcknowledged?: (id: string) => void;
}

/**
 * Acknowledges one active alert. The row shows "Acknowledged by …" as soon as the service answers, without waiting for
 * the `metrics_update` that follows (which refreshes the lists of every viewer of the scope).
 */
export function AcknowledgeButton({ alert, token, scope, onAcknowledged }: AcknowledgeButtonProps) {
  const client = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: () => acknowledgeAlert(token, alert.id),
    onSuccess: (view) => {
      client.setQueriesData<AlertView[]>({ queryKey: alertsKey(scope) }, (list) => withAlert(list, view));
      onAcknowledged?.(view.id);
    },
  });
  return (
    <>
      {/* aria-disabled rather than disabled while it runs, so that keyboard focus is not dropped to the page. */}
      <button
        type="button"
        aria-label={`Acknowledge ${alert.type}`}
        aria-disabled={acknowledge.isPending}
        onClick={() => { if (!acknowledge.isPending) acknowledge.mutate(); }}
        className={`${BUTTON} ml-2 px-2 py-0.5 text-xs aria-disabled:cursor-wait aria-disabled:opacity-60`}
      >
        {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </button>
      {acknowledge.isError && <p role="alert" className={`mt-1 ${ERROR_TEXT}`}>{acknowledge.error.message}</p>}
    </>
  );
}
