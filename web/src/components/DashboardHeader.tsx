import { TIMEFRAMES, type Timeframe } from '../lib/types';
import type { LiveStatus } from '../lib/liveSocket';
import { DigestsButton, type DigestsButtonProps } from './DigestsButton';
import { ExportMenu, type ExportMenuProps } from './ExportMenu';

const LABELS: Record<Timeframe, string> = { '24h': '24h', '7d': '7d', '30d': '30d', '90d': '90d', all: 'All' };

export function TimeframeSelector({ value, onChange }: { value: Timeframe; onChange: (t: Timeframe) => void }) {
  return (
    <div role="radiogroup" aria-label="Timeframe" className="inline-flex overflow-hidden rounded-lg border border-slate-300 dark:border-slate-600">
      {TIMEFRAMES.map((t, i) => (
        <button
          key={t}
          type="button"
          role="radio"
          aria-checked={t === value}
          aria-keyshortcuts={String(i + 1)}
          title={`${LABELS[t]} (key ${i + 1})`}
          onClick={() => onChange(t)}
          className={`px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-500 ${
            t === value
              ? 'bg-blue-600 font-semibold text-white'
              : 'bg-white text-slate-700 hover:bg-slate-100 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700'
          }`}
        >
          {LABELS[t]}
        </button>
      ))}
    </div>
  );
}

export function RefreshButton({ onRefresh, busy }: { onRefresh: () => void; busy: boolean }) {
  return (
    <button
      type="button"
      onClick={onRefresh}
      aria-keyshortcuts="r"
      title="Refresh (r)"
      className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
    >
      <span aria-hidden="true" className={busy ? 'inline-block animate-spin' : 'inline-block'}>↻</span> Refresh
    </button>
  );
}

export function ScopePicker({ scopes, value, onChange, allowOther }: { scopes: string[]; value: string; onChange: (s: string) => void; allowOther: boolean }) {
  if (scopes.length <= 1 && !allowOther) {
    return <span className="text-sm text-slate-600 dark:text-slate-300">Workspace <strong>{value}</strong></span>;
  }
  const options = scopes.includes(value) ? scopes : [...scopes, value];
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
      Scope
      <select
        value={value}
        onChange={(e) => {
          if (e.target.value === '__other') {
            const id = window.prompt('Workspace id')?.trim();
            if (id) onChange(id);
          } else onChange(e.target.value);
        }}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-800"
      >
        {options.map((s) => <option key={s} value={s}>{s === 'all' ? 'All workspaces' : s}</option>)}
        {allowOther && <option value="__other">Other workspace…</option>}
      </select>
    </label>
  );
}

const STATUS_TEXT: Record<LiveStatus, string> = { connecting: 'Connecting', live: 'Live', reconnecting: 'Reconnecting', stopped: 'Offline' };
const STATUS_DOT: Record<LiveStatus, string> = { connecting: 'bg-slate-400', live: 'bg-emerald-500', reconnecting: 'bg-amber-500 animate-pulse', stopped: 'bg-red-500' };

export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span role="status" aria-live="polite" className="inline-flex items-center gap-1.5 text-sm text-slate-600 dark:text-slate-300">
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${STATUS_DOT[status]}`} />
      {STATUS_TEXT[status]}
    </span>
  );
}

export interface DashboardHeaderProps {
  timeframe: Timeframe;
  onTimeframeChange: (t: Timeframe) => void;
  onRefresh: () => void;
  refreshing: boolean;
  scope: string;
  scopes: string[];
  allowOtherScope: boolean;
  onScopeChange: (s: string) => void;
  status: LiveStatus;
  userName: string;
  onSignOut: () => void;
  /** What the Export menu needs besides the scope and timeframe shown. */
  exports: Omit<ExportMenuProps, 'scope' | 'timeframe'>;
  /** The person's digests by e-mail. */
  digests: Omit<DigestsButtonProps, 'scope'>;
}

export function DashboardHeader(p: DashboardHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
        <h1 className="mr-auto text-lg font-semibold text-slate-900 dark:text-white">Executive Dashboard</h1>
        <LiveIndicator status={p.status} />
        <ScopePicker scopes={p.scopes} value={p.scope} onChange={p.onScopeChange} allowOther={p.allowOtherScope} />
        <TimeframeSelector value={p.timeframe} onChange={p.onTimeframeChange} />
        <RefreshButton onRefresh={p.onRefresh} busy={p.refreshing} />
        <ExportMenu {...p.exports} scope={p.scope} timeframe={p.timeframe} />
        <DigestsButton {...p.digests} scope={p.scope} />
        <span className="text-sm text-slate-600 dark:text-slate-300">{p.userName}</span>
        <button type="button" onClick={p.onSignOut} className="text-sm text-blue-700 underline hover:no-underline dark:text-blue-300">Sign out</button>
      </div>
    </header>
  );
}
