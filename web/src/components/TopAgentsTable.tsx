import { formatCount, formatPercent, formatSeconds } from '../lib/format';
import type { TopAgent } from '../lib/types';
import { DegradedNotice } from './DegradedNotice';
import { EmptyRow } from './EmptyRow';
import { Panel } from './Panel';
import { TABLE, TBODY, TD, TD_NUM, TH, TH_NUM } from './styles';
import { WorkspaceButton } from './WorkspaceButton';

export interface TopAgentsTableProps {
  agents: readonly TopAgent[];
  /** The platform scope: agents of many workspaces, so each names its own (two "Email Drafter" are not one). */
  platform: boolean;
  degraded: readonly string[];
  onScopeChange?: (workspaceId: string) => void;
}

export function TopAgentsTable({ agents, platform, degraded, onScopeChange }: TopAgentsTableProps) {
  return (
    <Panel title="Top agents" notices={<DegradedNotice degraded={degraded} sections={['agentMetrics']} />}>
      <table className={TABLE}>
        <thead>
          <tr>
            <th scope="col" className={TH}>Agent</th>
            {platform && <th scope="col" className={TH}>Workspace</th>}
            <th scope="col" className={TH_NUM}>Runs</th>
            <th scope="col" className={TH_NUM}>Success</th>
            <th scope="col" className={TH_NUM}>Avg runtime</th>
          </tr>
        </thead>
        <tbody className={TBODY}>
          {agents.length === 0 ? <EmptyRow cols={platform ? 5 : 4} text="No runs in this period." /> : agents.map((a) => (
            // An agent id is unique only within its workspace.
            <tr key={`${a.workspaceId}/${a.id}`}>
              <td className={TD}>{a.name ?? a.id}</td>
              {platform && <td className={TD}><WorkspaceButton id={a.workspaceId} onScopeChange={onScopeChange} /></td>}
              <td className={TD_NUM}>{formatCount(a.runs)}</td>
              <td className={TD_NUM}>{formatPercent(a.successRate)}</td>
              <td className={TD_NUM}>{formatSeconds(a.avgRuntime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
