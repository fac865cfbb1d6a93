import { useEffect, useRef, useState } from 'react';
import { useReaderZone } from '../hooks/useReaderZone';
import { acknowledgedLabel, type AlertView } from '../lib/alerts';
import { formatDateTime } from '../lib/readerZone';
import { AcknowledgeButton } from './AcknowledgeButton';
import { EmptyRow } from './EmptyRow';
import { RelativeTime } from './RelativeTime';
import { SeverityBadge } from './SeverityBadge';
import { SUBTEXT, TABLE, TBODY, TD, TH } from './styles';
import { WorkspaceButton } from './WorkspaceButton';

export interface RecentAlertsTableProps {
  /** Active alerts first, then the recently resolved ones (lib/alerts.ts recentAlerts). */
  alerts: readonly AlertView[];
  now: Date;
  /** The platform scope: alerts of many workspaces (and of the platform itself), so each names its own. */
  platform: boolean;
  /** Present when the person may acknowledge and the rows' acknowledgements are known. */
  acknowledgeAs?: { token: string; scope: string };
  onScopeChange?: (workspaceId: string) => void;
}

export function RecentAlertsTable({ alerts, now, platform, acknowledgeAs, onScopeChange }: RecentAlertsTableProps) {
  // The alert just acknowledged from this table: its button is gone, so keyboard focus goes to what replaced it.
  const [acknowledgedHere, setAcknowledgedHere] = useState<string | null>(null);
  return (
    <table className={TABLE}>
      <thead>
        <tr>
          <th scope="col" className={TH}>Severity</th>
          <th scope="col" className={TH}>Alert</th>
          {platform && <th scope="col" className={TH}>Workspace</th>}
          <th scope="col" className={TH}>Since</th>
          <th scope="col" className={TH}>State</th>
        </tr>
      </thead>
      <tbody className={TBODY}>
        {alerts.length === 0 ? <EmptyRow cols={platform ? 5 : 4} text="No active or recently resolved alerts." /> : alerts.map((a) => (
          <tr key={a.id}>
            <td className={TD}><SeverityBadge severity={a.severity} /></td>
            <td className={TD}><span className="font-medium">{a.type}</span><span className={SUBTEXT}>{a.message}</span></td>
            {platform && <td className={TD}>{workspaceCell(a.workspaceId, onScopeChange)}</td>}
            <td className={TD}><RelativeTime iso={a.triggeredAt} now={now} /></td>
            <td className={TD}><State alert={a} now={now} acknowledgeAs={acknowledgeAs} focus={a.id === acknowledgedHere} onAcknowledged={setAcknowledgedHere} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 'all' is an alert of the platform as a whole; '' an alert from the overview, which does not say. */
function workspaceCell(id: string, onScopeChange?: (workspaceId: string) => void) {
  if (id === 'all') return 'Platform';
  if (id === '') return '—';
  return <WorkspaceButton id={id} onScopeChange={onScopeChange} />;
}

interface StateProps {
  alert: AlertView;
  now: Date;
  acknowledgeAs?: RecentAlertsTableProps['acknowledgeAs'];
  focus: boolean;
  onAcknowledged: (id: string) => void;
}

function State({ alert: a, now, acknowledgeAs, focus, onAcknowledged }: StateProps) {
  const label = useRef<HTMLSpanElement>(null);
  const zone = useReaderZone();
  // Also when the acknowledgement arrives: the table may learn that it was this row before the row's new state comes.
  useEffect(() => { if (focus) label.current?.focus(); }, [focus, a.acknowledgedAt]);
  const acknowledged = a.acknowledgedAt
    ? <span ref={label} tabIndex={-1} title={formatDateTime(a.acknowledgedAt, zone)} className="rounded focus:outline-2 focus:outline-blue-500">{acknowledgedLabel(a)}</span>
    : null;
  if (a.state === 'resolved') {
    return (
      <>
        {a.resolvedAt ? <RelativeTime iso={a.resolvedAt} now={now} prefix="Resolved " /> : 'Resolved'}
        {acknowledged && <span className={SUBTEXT}>{acknowledged}</span>}
      </>
    );
  }
  if (acknowledged) return acknowledged;
  return (
    <>
      <span className="font-medium text-red-700 dark:text-red-300">Active</span>
      {acknowledgeAs && <AcknowledgeButton alert={a} token={acknowledgeAs.token} scope={acknowledgeAs.scope} onAcknowledged={onAcknowledged} />}
    </>
  );
}
