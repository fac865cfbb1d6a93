import { keepPreviousData, QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { prependActivity } from './lib/activity';
import { alertsKey } from './lib/alerts';
import { ApiError, fetchOverview, overviewKey } from './lib/api';
import { loadSession, requestDevToken, saveSession, scopesOf, subjectOf, type Session } from './lib/auth';
import { sectionName } from './lib/sections';
import { mergeSections } from './lib/overviewMerge';
import type { ActivityFrame, ExecutiveDashboardData } from './lib/types';
import { ChartsSection } from './components/ChartsSection';
import { CardCustomizer } from './components/CardCustomizer';
import { DashboardHeader } from './components/DashboardHeader';
import { DashboardSkeleton } from './components/DashboardSkeleton';
import { DegradedNotice } from './components/DegradedNotice';
import { ErrorState } from './components/ErrorState';
import { LiveActivityFeed } from './components/LiveActivityFeed';
import { MetricsGrid } from './components/MetricsGrid';
import { canSetGoals } from './lib/goals';
import { SectionBoundary } from './components/SectionBoundary';
import { SignIn } from './components/SignIn';
import { TablesSection } from './components/TablesSection';
import { ReaderSettings } from './components/ReaderSettings';
import { useCardLayout } from './hooks/useCardLayout';
import { usePreferences } from './hooks/usePreferences';
import { ReaderZoneContext } from './hooks/useReaderZone';
import { formatDateTime } from './lib/readerZone';
import { useLiveSocket } from './hooks/useLiveSocket';
import { useNow } from './hooks/useNow';
import { useShortcuts } from './hooks/useShortcuts';
import { useViewState } from './hooks/useViewState';

export const CATCH_UP_RETRY_MS = 1_000;
/** The roles the exports service shows its audit to (limited there to the scopes of the token). */
const AUDIT_ROLES = ['ceo', 'admin'];

export const createQueryClient = () => new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => !(error instanceof ApiError && [401, 403, 404].includes(error.status)) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const defaultClient = createQueryClient();

export function App({ queryClient = defaultClient }: { queryClient?: QueryClient }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const update = useCallback((s: Session | null) => {
    saveSession(s);
    setSession(s);
    if (!s) queryClient.clear();
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        {session ? <Dashboard session={session} onSession={update} /> : <SignIn onSignedIn={update} />}
      </div>
    </QueryClientProvider>
  );
}

function Dashboard({ session, onSession }: { session: Session; onSession: (s: Session | null) => void }) {
  const client = useQueryClient();
  const [view, setView] = useViewState();
  const scopes = scopesOf(session);
  const scope = view.scope ?? scopes[0] ?? 'all';
  const timeframe = view.timeframe;
  const asOf = view.asOf;
  const [feed, setFeed] = useState<ActivityFrame[]>([]);
  const now = useNow();
  const subject = useMemo(() => subjectOf(session), [session]);
  // Fetched alongside the overview; the grid shows the default order until it arrives.
  const layout = useCardLayout(session.token, subject);
  // The person's zone and week start: every read, label and export follows them.
  const preferences = usePreferences(session.token, subject);
  const reader = preferences.setting;
  const [customizing, setCustomizing] = useState(false);
  const customizeButton = useRef<HTMLButtonElement>(null);
  const doneCustomizing = useCallback(() => {
    setCustomizing(false);
    void layout.save();
    customizeButton.current?.focus();
  }, [layout]);

  const renew = useCallback(async () => {
    try {
      // An OIDC session has nothing to renew with here: back to the sign-in screen, which goes to the authority.
      onSession(session.request ? await requestDevToken(session.request) : null);
    } catch {
      onSession(null);
    }
  }, [session.request, onSession]);

  const query = useQuery({
    queryKey: overviewKey(scope, timeframe, reader, asOf),
    queryFn: ({ signal }) => fetchOverview(session.token, scope, timeframe, signal, undefined, reader, asOf),
    placeholderData: keepPreviousData,
    // Read once, in the saved zone, rather than first in the browser's and again when the setting arrives.
    enabled: preferences.ready,
  });

  useEffect(() => {
    if (query.error instanceof ApiError && query.error.status === 401) void renew();
  }, [query.error, renew]);

  useEffect(() => setFeed([]), [scope]);

  const refetchScope = useCallback(() => client.invalidateQueries({ queryKey: ['overview', scope] }), [client, scope]);

  // A metrics_update names what changed: ask only for that, and keep the rest of the answer shown.
  const refreshSections = useCallback(async (sections: string[]) => {
    // The dashboard of a fixed instant does not move with new events; only a section still catching up is read again.
    if (asOf) return void client.invalidateQueries({ queryKey: overviewKey(scope, timeframe, reader, asOf) });
    const key = overviewKey(scope, timeframe, reader);
    if (sections.length === 0 || !client.getQueryData(key)) return void refetchScope();
    try {
      const part = await fetchOverview(session.token, scope, timeframe, undefined, sections, reader);
      client.setQueryData<ExecutiveDashboardData>(key, (shown) => (shown ? mergeSections(shown, part) : shown));
      void client.invalidateQueries({ queryKey: ['overview', scope], predicate: (q) => q.queryKey.join() !== key.join(), refetchType: 'none' });
    } catch {
      void refetchScope();
    }
  }, [client, scope, timeframe, asOf, session.token, refetchScope, reader]);

  // Sections answered while a backfill is ahead of the rollups settle within seconds: ask for them again.
  const catchingUpNow = query.data?.meta.catchingUp.join(',') ?? '';
  useEffect(() => {
    if (!catchingUpNow) return;
    const timer = setTimeout(() => void refreshSections(catchingUpNow.split(',')), CATCH_UP_RETRY_MS);
    return () => clearTimeout(timer);
  }, [catchingUpNow, query.data, refreshSections]);

  const status = useLiveSocket(session.token, scope, {
    onMetricsUpdate: (frame) => {
      if (!asOf) void refreshSections(frame.sections);
      // The alerts panel reads the alerts service itself (resolved ones and acknowledgements are not in the overview).
      if (frame.sections.includes('activeAlerts')) void client.invalidateQueries({ queryKey: alertsKey(scope) });
    },
    onActivity: (f) => setFeed((list) => prependActivity(list, f)),
    onResubscribed: () => {
      void refetchScope();
      void client.invalidateQueries({ queryKey: alertsKey(scope) });
    },
    onTokenExpired: () => void renew(),
  });

  const refresh = useCallback(() => void query.refetch(), [query]);
  // A failed section starts again on another scope or timeframe, and on every new answer (a refetch, a merged
  // metrics_update): Retry's refetch may settle before the new answer reaches the page, and the answer redraws it.
  const resetKeys = [scope, timeframe, query.data];
  const retry = useCallback(() => query.refetch(), [query]);
  useShortcuts(refresh, (t) => setView({ timeframe: t }));

  const data = query.data;
  const degraded = data?.meta.degraded ?? [];
  const catchingUp = data?.meta.catchingUp ?? [];

  return (
    <ReaderZoneContext.Provider value={reader.timeZone}>
      <DashboardHeader
        timeframe={timeframe}
        onTimeframeChange={(t) => setView({ timeframe: t })}
        onRefresh={refresh}
        refreshing={query.isFetching}
        scope={scope}
        scopes={scopes}
        allowOtherScope={session.workspaces.includes('*')}
        onScopeChange={(s) => setView({ scope: s })}
        status={status}
        userName={session.name}
        onSignOut={() => onSession(null)}
        exports={{
          token: session.token,
          // Numbers of another timeframe or scope stay on screen while the new ones load: nothing to export then.
          asOf: data && !query.isPlaceholderData ? data.meta.asOf : undefined,
          cards: layout.cards.filter((c) => c.visible).map((c) => c.id),
          reader,
          canReadAudit: AUDIT_ROLES.includes(session.role),
          canVerifyAudit: session.workspaces.includes('*'),
        }}
        digests={{ token: session.token, scopes }}
      />
      <main className="mx-auto max-w-screen-2xl space-y-6 px-4 py-6 sm:px-6">
        {query.isError && !data ? (
          <ErrorState message={query.error.message} onRetry={refresh} />
        ) : (
          <>
            <div className="flex flex-wrap items-center justify-between gap-2">
              {data ? (
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {scope === 'all' ? 'All workspaces' : `Workspace ${scope}`} · {formatDateTime(data.period.start, reader.timeZone)} – {formatDateTime(data.period.end, reader.timeZone)}
                  {data.meta.cached && ' · cached'}
                  {query.isError && ' · last refresh failed, showing earlier numbers'}
                  {asOf && (
                    <span role="status" className="ml-2 inline-flex items-center gap-2 rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                      As of {formatDateTime(asOf, reader.timeZone)}: these numbers do not update.
                      <button type="button" onClick={() => setView({ asOf: null })} className="underline hover:no-underline">Back to now</button>
                    </span>
                  )}
                </p>
              ) : <span />}
              <ReaderSettings setting={reader} status={preferences.status} onChange={(s) => void preferences.save(s)} />
              <button
                ref={customizeButton}
                type="button"
                aria-expanded={customizing}
                aria-controls={customizing ? 'card-customizer' : undefined}
                onClick={() => (customizing ? doneCustomizing() : setCustomizing(true))}
                className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
              >
                Customize
              </button>
            </div>
            {customizing && (
              <CardCustomizer
                cards={layout.cards}
                status={layout.status}
                onToggle={layout.toggle}
                onMove={layout.move}
                onReset={layout.reset}
                onRetry={() => void layout.save()}
                onDone={doneCustomizing}
              />
            )}
            {catchingUp.length > 0 && (
              <p role="status" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-200">
                Catching up on recent events ({catchingUp.map(sectionName).join(', ')}): numbers will settle within seconds.
              </p>
            )}
            <DegradedNotice degraded={degraded} sections={['userMetrics', 'executionMetrics', 'businessMetrics', 'businessMetrics.activeWorkspaces']} />
            {data ? (
              <>
                <SectionBoundary label="Key metrics" resetKeys={resetKeys} onRetry={retry}>
                  <MetricsGrid data={data} layout={layout.cards} goalEditing={canSetGoals(session.role) ? { token: session.token, scope } : undefined} />
                </SectionBoundary>
                <ChartsSection trends={data.trends} mrrMovements={data.mrrMovements} annotations={data.annotations} timeframe={timeframe} degraded={degraded} resetKeys={resetKeys} onRetry={retry} />
                <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
                  <div className="lg:col-span-2">
                    <TablesSection data={data} scope={scope} now={now} session={session} onScopeChange={(s) => setView({ scope: s })} resetKeys={resetKeys} onRetry={retry} />
                  </div>
                  <SectionBoundary label="Live activity" resetKeys={resetKeys} onRetry={retry}>
                    <LiveActivityFeed items={feed} now={now} showWorkspace={scope === 'all'} />
                  </SectionBoundary>
                </div>
              </>
            ) : <DashboardSkeleton layout={layout.cards} />}
          </>
        )}
      </main>
    </ReaderZoneContext.Provider>
  );
}
