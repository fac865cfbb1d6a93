import type { Session } from '../lib/auth';
import type { ExecutiveDashboardData } from '../lib/types';
import { AlertsPanel } from './AlertsPanel';
import { TopAgentsTable } from './TopAgentsTable';
import { TopUsersTable } from './TopUsersTable';

export interface TablesSectionProps {
  data: ExecutiveDashboardData;
  scope: string;
  now: Date;
  session: Pick<Session, 'token' | 'role' | 'workspaces'>;
  onScopeChange: (workspaceId: string) => void;
}

/** The alerts panel over the top agents and top users. */
export function TablesSection({ data, scope, now, session, onScopeChange }: TablesSectionProps) {
  const degraded = data.meta.degraded ?? [];
  const platform = scope === 'all';
  // A workspace named in a table is one the person may open only with the platform grant (the only one that shows
  // several workspaces at once); anyone else sees the id as text.
  const open = session.workspaces.includes('*') ? onScopeChange : undefined;
  return (
    <div className="grid grid-cols-1 gap-4">
      <AlertsPanel session={session} scope={scope} now={now} overviewAlerts={data.activeAlerts ?? []} degraded={degraded} onScopeChange={open} />
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
        <TopAgentsTable agents={data.agentMetrics.topAgents ?? []} platform={platform} degraded={degraded} onScopeChange={open} />
        <TopUsersTable users={data.topUsers ?? []} platform={platform} degraded={degraded} now={now} onScopeChange={open} />
      </div>
    </div>
  );
}
