// Loaded lazily (React.lazy in App): recharts and date-fns are most of the JavaScript and are not
// needed for the first paint of the cards.
import { format } from 'date-fns';
import type { ReactNode } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatCount, formatCurrency, formatPercent } from '../lib/format';
import type { ExecutiveDashboardData, Timeframe, TimeSeriesPoint } from '../lib/types';
import { DegradedNotice } from './DegradedNotice';

const tickFormat: Record<Timeframe, string> = { '24h': 'HH:mm', '7d': 'EEE HH:mm', '30d': 'MMM d', '90d': 'MMM d', all: 'MMM d, yy' };

const axis = { fontSize: 12, fill: 'currentColor' };
const tooltipStyle = { backgroundColor: 'rgba(15, 23, 42, 0.92)', border: 'none', borderRadius: 8, color: '#f8fafc', fontSize: 12 };

interface Props { trends: ExecutiveDashboardData['trends']; timeframe: Timeframe; degraded: string[] }

function ChartCard({ title, children, section, degraded, empty }: { title: string; children: ReactNode; section: string; degraded: string[]; empty: boolean }) {
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 text-slate-500 shadow-sm dark:border-slate-700 dark:bg-slate-800 dark:text-slate-400">
      <figcaption className="mb-3 text-base font-semibold text-slate-900 dark:text-white">{title}</figcaption>
      <DegradedNotice degraded={degraded} sections={[section]} />
      {empty ? <p className="flex h-64 items-center justify-center text-sm">No data in this period.</p> : <div className="h-64">{children}</div>}
    </figure>
  );
}

export default function ChartsSection({ trends, timeframe, degraded }: Props) {
  const tick = (t: string) => safeFormat(t, tickFormat[timeframe]);
  const label = (t: unknown) => safeFormat(String(t), 'PPp');
  const common = (data: TimeSeriesPoint[]) => ({ data, margin: { top: 4, right: 8, bottom: 0, left: 0 } });
  return (
    <section aria-label="Trends" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <ChartCard title="Execution trend" section="trends.execution" degraded={degraded} empty={trends.execution.length === 0}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart {...common(trends.execution)}>
            <CartesianGrid strokeDasharray="3 3" stroke="#94a3b855" />
            <XAxis dataKey="timestamp" tickFormatter={tick} tick={axis} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => formatCompact(v)} tick={axis} width={44} />
            <Tooltip labelFormatter={label} formatter={(v) => formatCount(Number(v))} contentStyle={tooltipStyle} />
            <Legend />
            <Line type="monotone" dataKey="value" name="Total" stroke="#3b82f6" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="successful" name="Successful" stroke="#10b981" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="failed" name="Failed" stroke="#ef4444" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="User activity" section="trends.users" degraded={degraded} empty={trends.users.length === 0}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart {...common(trends.users)}>
            <CartesianGrid strokeDasharray="3 3" stroke="#94a3b855" />
            <XAxis dataKey="timestamp" tickFormatter={tick} tick={axis} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => formatCompact(v)} tick={axis} width={44} allowDecimals={false} />
            <Tooltip labelFormatter={label} formatter={(v) => formatCount(Number(v))} contentStyle={tooltipStyle} />
            <Area type="monotone" dataKey="value" name="Active users" stroke="#8b5cf6" fill="#8b5cf655" strokeWidth={2} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Revenue (MRR)" section="trends.revenue" degraded={degraded} empty={trends.revenue.length === 0}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart {...common(trends.revenue)}>
            <CartesianGrid strokeDasharray="3 3" stroke="#94a3b855" />
            <XAxis dataKey="timestamp" tickFormatter={tick} tick={axis} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => `$${formatCompact(v)}`} tick={axis} width={52} />
            <Tooltip labelFormatter={label} formatter={(v) => formatCurrency(Number(v))} contentStyle={tooltipStyle} />
            <Area type="stepAfter" dataKey="value" name="MRR" stroke="#0ea5e9" fill="#0ea5e955" strokeWidth={2} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Error rate" section="trends.errors" degraded={degraded} empty={trends.errors.length === 0}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart {...common(trends.errors)}>
            <CartesianGrid strokeDasharray="3 3" stroke="#94a3b855" />
            <XAxis dataKey="timestamp" tickFormatter={tick} tick={axis} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => `${v}%`} tick={axis} width={44} domain={[0, 'auto']} />
            <Tooltip labelFormatter={label} formatter={(v) => formatPercent(Number(v))} contentStyle={tooltipStyle} />
            <Line type="monotone" dataKey="value" name="Error rate" stroke="#f97316" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
    </section>
  );
}

function safeFormat(iso: string, pattern: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : format(d, pattern);
}
