import type { ReactNode } from 'react';
import { formatCount, formatPercent, formatSeconds } from '../lib/format';
import { relativeTime } from '../lib/relativeTime';
import type { ExecutiveDashboardData } from '../lib/types';
import { DegradedNotice } from './DegradedNotice';

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';
const thNum = `${th} text-right`;
const td = 'px-3 py-2 text-sm text-slate-800 dark:text-slate-200';
const tdNum = `${td} text-right tabular-nums`;

function Panel({ title, children, section, degraded }: { title: string; children: ReactNode; section: string; degraded: string[] }) {
  return (
    <section aria-label={title} className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-800">
      <h2 className="px-4 pt-4 text-base font-semibold text-slate-900 dark:text-white">{title}</h2>
      <div className="px-4 pt-2"><DegradedNotice degraded={degraded} sections={[section]} /></div>
      <div className="overflow-x-auto pb-2">{children}</div>
    </section>
  );
}

const Empty = ({ cols, text }: { cols: number; text: string }) => (
  <tr><td colSpan={cols} className="px-3 py-6 text-center text-sm text-slate-500 dark:text-slate-400">{text}</td></tr>
);

const severityClass: Record<string, string> = {
  critical: 'bg-red-600 text-white',
  high: 'bg-orange-500 text-white',
  medium: 'bg-amber-300 text-amber-950',
  low: 'bg-slate-200 text-slate-800 dark:bg-slate-600 dark:text-slate-100',
};

export function TablesSection({ data, scope, now }: { data: ExecutiveDashboardData; scope: string; now: Date }) {
  const degraded = data.meta.degraded ?? [];
  const agents = data.agentMetrics.topAgents ?? [];
  const users = data.topUsers ?? [];
  const alerts = data.activeAlerts ?? [];
  const platform = scope === 'all';
  return (
    <div className="grid grid-cols-1 gap-4">
      <Panel title="Active alerts" section="activeAlerts" degraded={degraded}>
        <table className="w-full">
          <thead><tr><th className={th}>Severity</th><th className={th}>Alert</th><th className={th}>Since</th></tr></thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-700">
            {alerts.length === 0 ? <Empty cols={3} text="No active alerts." /> : alerts.map((a) => (
              <tr key={a.id}>
                <td className={td}><span className={`rounded px-2 py-0.5 text-xs font-semibold ${severityClass[a.severity] ?? severityClass.low}`}>{a.severity}</span></td>
                <td className={td}><span className="font-medium">{a.type}</span><span className="block text-xs text-slate-500 dark:text-slate-400">{a.message}</span></td>
                <td className={td}><time dateTime={a.triggeredAt} title={a.triggeredAt}>{relativeTime(a.triggeredAt, now)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
        <Panel title="Top agents" section="agentMetrics" degraded={degraded}>
          <table className="w-full">
            <thead><tr><th className={th}>Agent</th><th className={thNum}>Runs</th><th className={thNum}>Success</th><th className={thNum}>Avg runtime</th></tr></thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-700">
              {agents.length === 0 ? <Empty cols={4} text="No runs in this period." /> : agents.map((a) => (
                <tr key={a.id}>
                  <td className={td}>{a.name ?? a.id}</td>
                  <td className={tdNum}>{formatCount(a.runs)}</td>
                  <td className={tdNum}>{formatPercent(a.successRate)}</td>
                  <td className={tdNum}>{formatSeconds(a.avgRuntime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel title="Top users" section="topUsers" degraded={degraded}>
          <table className="w-full">
            <thead><tr><th className={th}>User</th>{platform && <th className={th}>Workspace</th>}<th className={thNum}>Runs</th><th className={thNum}>Credits</th><th className={th}>Last active</th></tr></thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-700">
              {users.length === 0 ? <Empty cols={platform ? 5 : 4} text="No runs in this period." /> : users.map((u) => (
                <tr key={`${u.workspaceId}/${u.id}`}>
                  <td className={td}>{u.name ?? u.id}</td>
                  {platform && <td className={td}>{u.workspaceId}</td>}
                  <td className={tdNum}>{formatCount(u.runs)}</td>
                  <td className={tdNum}>{formatCount(u.creditsUsed)}</td>
                  <td className={td}>{u.lastActiveAt ? <time dateTime={u.lastActiveAt}>{relativeTime(u.lastActiveAt, now)}</time> : 'n/a'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
      </div>
    </div>
  );
}

