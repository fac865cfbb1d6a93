import { formatCount } from '../lib/format';
import type { TopUser } from '../lib/types';
import { DegradedNotice } from './DegradedNotice';
import { EmptyRow } from './EmptyRow';
import { Panel } from './Panel';
import { RelativeTime } from './RelativeTime';
import { TABLE, TBODY, TD, TD_NUM, TH, TH_NUM } from './styles';
import { WorkspaceButton } from './WorkspaceButton';

export interface TopUsersTableProps {
  users: readonly TopUser[];
  /** The platform scope: users of many workspaces, so each names its own. */
  platform: boolean;
  degraded: readonly string[];
  now: Date;
  onScopeChange?: (workspaceId: string) => void;
}

export function TopUsersTable({ users, platform, degraded, now, onScopeChange }: TopUsersTableProps) {
  return (
    <Panel title="Top users" notices={<DegradedNotice degraded={degraded} sections={['topUsers']} />}>
      <table className={TABLE}>
        <thead>
          <tr>
            <th scope="col" className={TH}>User</th>
            {platform && <th scope="col" className={TH}>Workspace</th>}
            <th scope="col" className={TH_NUM}>Runs</th>
            <th scope="col" className={TH_NUM}>Credits</th>
            <th scope="col" className={TH}>Last active</th>
          </tr>
        </thead>
        <tbody className={TBODY}>
          {users.length === 0 ? <EmptyRow cols={platform ? 5 : 4} text="No runs in this period." /> : users.map((u) => (
            <tr key={`${u.workspaceId}/${u.id}`}>
              <td className={TD}>{u.name ?? u.id}</td>
              {platform && <td className={TD}><WorkspaceButton id={u.workspaceId} onScopeChange={onScopeChange} /></td>}
              <td className={TD_NUM}>{formatCount(u.runs)}</td>
              <td className={TD_NUM}>{formatCount(u.creditsUsed)}</td>
              <td className={TD}>{u.lastActiveAt ? <RelativeTime iso={u.lastActiveAt} now={now} /> : 'n/a'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
