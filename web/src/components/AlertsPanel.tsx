import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import {
  activeAlertsKey, canAcknowledge, canEditRules, fetchAlerts, fromOverview, RECENT_RESOLVED, recentAlerts, resolvedAlertsKey,
} from '../lib/alerts';
import type { Session } from '../lib/auth';
import type { ActiveAlert } from '../lib/types';
import { DegradedNotice } from './DegradedNotice';
import { Panel } from './Panel';
import { RecentAlertsTable } from './RecentAlertsTable';
import { BUTTON, ERROR_TEXT } from './styles';

// Only those who open it pay for it.
const AlertRulesDialog = lazy(() => import('./AlertRulesDialog'));

export interface AlertsPanelProps {
  session: Pick<Session, 'token' | 'role' | 'workspaces'>;
  scope: string;
  now: Date;
  /** The overview's active alerts: shown until the alerts service answers. */
  overviewAlerts: readonly ActiveAlert[];
  degraded: readonly string[];
  onScopeChange?: (workspaceId: string) => void;
}

/** The scope's active alerts, then the last resolved ones; acknowledge for ceo and admin; the rules for a '*' token. */
export function AlertsPanel({ session, scope, now, overviewAlerts, degraded, onScopeChange }: AlertsPanelProps) {
  const { token } = session;
  const active = useQuery({ queryKey: activeAlertsKey(scope), queryFn: ({ signal }) => fetchAlerts(token, scope, 'active', undefined, signal) });
  const resolved = useQuery({ queryKey: resolvedAlertsKey(scope), queryFn: ({ signal }) => fetchAlerts(token, scope, 'resolved', RECENT_RESOLVED, signal) });
  const [rulesOpen, setRulesOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  const answered = active.data !== undefined;
  const alerts = answered ? recentAlerts(active.data, resolved.data ?? []) : overviewAlerts.map(fromOverview);
  const failed = active.error ?? resolved.error;
  // The overview's own alerts section is only shown, degraded or not, until the service answers.
  const degradedShown = !answered && degraded.includes('activeAlerts');

  return (
    <Panel
      title="Alerts"
      actions={canEditRules(session.workspaces) && (
        <button ref={opener} type="button" aria-haspopup="dialog" onClick={() => setRulesOpen(true)} className={BUTTON}>Alert rules</button>
      )}
      notices={(degradedShown || failed) && (
        <>
          {degradedShown && <DegradedNotice degraded={degraded} sections={['activeAlerts']} />}
          {failed && (
            <p role="status" className={`flex flex-wrap items-center gap-3 ${ERROR_TEXT}`}>
              {answered ? 'Recently resolved alerts could not be read' : 'Alerts could not be read'}: {failed.message}
              <button type="button" onClick={() => { void active.refetch(); void resolved.refetch(); }} className={`${BUTTON} px-2 py-0.5 text-xs`}>Try again</button>
            </p>
          )}
        </>
      )}
    >
      <RecentAlertsTable
        alerts={alerts}
        now={now}
        platform={scope === 'all'}
        // Until the service answers, whether a row is acknowledged is not known.
        acknowledgeAs={answered && canAcknowledge(session.role) ? { token, scope } : undefined}
        onScopeChange={onScopeChange}
      />
      {rulesOpen && (
        <Suspense fallback={null}>
          <AlertRulesDialog token={token} onClose={() => { setRulesOpen(false); opener.current?.focus(); }} />
        </Suspense>
      )}
    </Panel>
  );
}
