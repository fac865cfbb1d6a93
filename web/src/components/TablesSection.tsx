import type { Session } from '../lib/auth';
import type { ExecutiveDashboardData } from '../lib/types';
import { AlertsPanel } from './AlertsPanel';
import { SectionBoundary } from './SectionBoundary';
import { TopAgentsTable } from './TopAgentsTable';
import { TopUsersTable } from './TopUsersTable';

export interface TablesSectionProps {
  data: ExecutiveDashboardData;
  scope: string;
  now: Date;
  session: Pick<Session, 'token' | 'role' | 'workspaces'>;
  onScopeChange: (workspaceId: string) => void;
  /** Each table keeps its own render error (see SectionBoundary). */
  resetKeys: unknown[];
  onRetry: () => Promise<unknown> | void;
}

/** The alerts panel over the top agents and top users. */
export function TablesSection({ data, scope, now, session, onScopeChange, resetKeys, onRetry }: TablesSectionProps) {
  const degraded = data.meta.degraded ?? [];
  const platform = scope === 'all';
  // A workspace named in a table is one the person may open only with the platform grant (the only one that shows
  // several workspaces at once); anyone else sees the id as text.
  const open = session.workspaces.includes('*') ? onScopeChange : undefined;
  return (
    <div className="grid grid-cols-1 gap-4">
      <SectionBoundary label="Alerts" resetKeys={resetKeys} onRetry={onRetry}>
        <AlertsPanel session={session} scope={scope} now={now} overviewAlerts={data.activeAlerts ?? []} degraded={degraded} onScopeChange={open} />
      </SectionBoundary>
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
        <SectionBoundary label="Top agents" resetKeys={resetKeys} onRetry={onRetry}>
          <TopAgentsTable agents={data.agentMetrics.topAgents ?? []} platform={platform} degraded={degraded} onScopeChange={open} />
        </SectionBoundary>
        <SectionBoundary label="Top users" resetKeys={resetKeys} onRetry={onRetry}>
          <TopUsersTable users={data.topUsers ?? []} platform={platform} degraded={degraded} now={now} onScopeChange={open} />
        </SectionBoundary>
      </div>
    </div>
  );
}
