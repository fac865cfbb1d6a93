import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, CATCH_UP_RETRY_MS, createQueryClient } from './App';
import { defaultSetting, readerParams } from './lib/readerZone';
import { alertView } from './test/alerts';
import { overview } from './test/fixture';

/** Before a person saves a setting every read carries the browser's zone and Monday. */
const BROWSER = new URLSearchParams(readerParams(defaultSetting())).toString();
/** The setting the main fake gateway has saved for the person. */
const SAVED = 'tz=Asia%2FKathmandu&weekStart=sunday';

// The page wired end to end against a fake gateway: fetch and WebSocket are stubbed. The clock is fake, so the
// catch-up retry is reached by advancing it rather than by waiting; it still moves along on its own
// (shouldAdvanceTime) for React Query's and Testing Library's own timers.
class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(public url: string) { FakeWebSocket.instances.push(this); }
  send(d: string) { this.sent.push(d); }
  close() { this.readyState = 3; }
  serverOpen() { this.readyState = 1; this.onopen?.({}); }
  serverSend(frame: object) { this.onmessage?.({ data: JSON.stringify(frame) }); }
}

const b64url = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
const TOKEN = `${b64url({ alg: 'HS256' })}.${b64url({ name: 'Ann', role: 'ceo', workspaces: '*', exp: 4_000_000_000 })}.sig`;

let overviewCalls: string[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  overviewCalls = [];
  FakeWebSocket.instances = [];
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.stubGlobal('WebSocket', FakeWebSocket);
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    if (input === '/api/auth/config') return new Response(JSON.stringify({ mode: 'development' }), { status: 200 });
    if (input === '/api/dev/token') return new Response(JSON.stringify({ token: TOKEN }), { status: 200 });
    if (input === '/api/users/me/preferences') return new Response(JSON.stringify({ timeZone: 'Asia/Kathmandu', weekStart: 'sunday' }), { status: 200 });
    if (input.startsWith('/api/executive/overview')) {
      expect((init?.headers as Record<string, string>).Authorization).toBe(`Bearer ${TOKEN}`);
      overviewCalls.push(input);
      const q = new URLSearchParams(input.split('?')[1]);
      const tf = q.get('timeframe');
      const data = overview();
      data.executionMetrics.totalRuns = tf === '24h' ? 111 : 12345;
      if (q.get('sections')) {
        // The executions service's sections only, one run more; the rest empty.
        data.executionMetrics.totalRuns! += 1;
        data.userMetrics.dau = null;
        data.meta.sections = ['agentMetrics', 'executionMetrics', 'topUsers', 'trends.errors', 'trends.execution'];
      }
      return new Response(JSON.stringify(data), { status: 200 });
    }
    return new Response('{}', { status: 404 });
  }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('signs in, shows the numbers, follows the keyboard and the live socket', async () => {
    render(<App queryClient={createQueryClient()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    const runs = await screen.findByRole('article', { name: 'Total executions' });
    expect(within(runs).getByTestId('metric-value').textContent).toBe('12,345');
    // Read once, with the person's saved zone and week start.
    expect(overviewCalls).toEqual([`/api/executive/overview?workspace_id=all&timeframe=7d&${SAVED}`]);
    expect(screen.getByText(/Jan 1, 2026, 05:45 GMT\+5:45 – Jan 8, 2026, 05:45 GMT\+5:45/)).toBeTruthy();
    expect(sessionStorage.getItem('executive-dashboard.session')).toContain(TOKEN);
    expect(window.location.search).not.toContain(TOKEN);

    // Key 1 = 24h: the URL and the numbers follow.
    fireEvent.keyDown(window, { key: '1' });
    await waitFor(() => expect(within(screen.getByRole('article', { name: 'Total executions' })).getByTestId('metric-value').textContent).toBe('111'));
    expect(window.location.search).toBe('?timeframe=24h');

    // The socket subscribes to the scope, goes live, prepends activity and refetches on metrics_update.
    const ws = FakeWebSocket.instances.at(-1)!;
    expect(ws.url).toMatch(/\/ws\?access_token=/);
    act(() => ws.serverOpen());
    expect(ws.sent).toEqual(['{"subscribe":"all"}']);
    act(() => ws.serverSend({ event: 'subscribed', workspaceId: 'all', at: new Date().toISOString() }));
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Live')).toBe(true);
    act(() => ws.serverSend({ event: 'activity', id: 'e1', workspaceId: 'ws_1', kind: 'run.failed', text: 'Invoice bot failed', at: new Date().toISOString() }));
    expect(within(screen.getByRole('region', { name: 'Live activity' })).getByText('Invoice bot failed')).toBeTruthy();
    // metrics_update: only the named sections are asked for, and the rest of the page stays as it was.
    act(() => ws.serverSend({ event: 'metrics_update', workspaceId: 'all', sections: ['executionMetrics'], at: new Date().toISOString() }));
    await waitFor(() => expect(within(screen.getByRole('article', { name: 'Total executions' })).getByTestId('metric-value').textContent).toBe('112'));
    expect(overviewCalls.at(-1)).toBe(`/api/executive/overview?workspace_id=all&timeframe=24h&${SAVED}&sections=executionMetrics`);
    expect(within(screen.getByRole('article', { name: 'Daily active users' })).getByTestId('metric-value').textContent).toBe('120');

    // r refreshes.
    const beforeR = overviewCalls.length;
    fireEvent.keyDown(window, { key: 'r' });
    await waitFor(() => expect(overviewCalls.length).toBeGreaterThan(beforeR));
  });

  it('opens a digest\'s link at its asOf, holds those numbers through live updates, and goes back to now', async () => {
    window.history.replaceState(null, '', '/?timeframe=7d&scope=all&asOf=2026-12-07T08:00:00Z');
    render(<App queryClient={createQueryClient()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    await screen.findByRole('article', { name: 'Total executions' });
    expect(overviewCalls).toEqual([`/api/executive/overview?workspace_id=all&timeframe=7d&${SAVED}&asOf=2026-12-07T08%3A00%3A00Z`]);
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('these numbers do not update'))).toBe(true);

    const ws = FakeWebSocket.instances.at(-1)!;
    act(() => ws.serverOpen());
    act(() => ws.serverSend({ event: 'metrics_update', workspaceId: 'all', sections: ['executionMetrics'], at: new Date().toISOString() }));
    expect(overviewCalls).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Back to now' }));
    await waitFor(() => expect(overviewCalls.at(-1)).toBe(`/api/executive/overview?workspace_id=all&timeframe=7d&${SAVED}`));
    expect(window.location.search).toBe('?timeframe=7d&scope=all');
  });

  it('saves a new zone and week start, and reads the overview in them', async () => {
    sessionStorage.setItem('executive-dashboard.session', JSON.stringify({ token: TOKEN, name: 'Ann', role: 'ceo', workspaces: ['*'], expiresAt: null }));
    const calls: string[] = [];
    const saved: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
      if (input === '/api/users/me/preferences' && init?.method === 'PUT') {
        saved.push(String(init.body));
        return new Response(String(init.body), { status: 200 });
      }
      if (!input.startsWith('/api/executive/overview')) return new Response(null, { status: 204 });
      calls.push(input);
      return new Response(JSON.stringify(overview()), { status: 200 });
    }));
    render(<App queryClient={createQueryClient()} />);
    await screen.findByRole('article', { name: 'Total executions' });
    expect(calls).toEqual([`/api/executive/overview?workspace_id=all&timeframe=7d&${BROWSER}`]);

    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'America/New_York' } });
    fireEvent.change(screen.getByLabelText('Week starts'), { target: { value: 'sunday' } });

    await waitFor(() => expect(calls.at(-1)).toBe('/api/executive/overview?workspace_id=all&timeframe=7d&tz=America%2FNew_York&weekStart=sunday'));
    expect(saved.at(-1)).toBe(JSON.stringify({ timeZone: 'America/New_York', weekStart: 'sunday' }));
    await waitFor(() => expect(screen.getByText(/Dec 31, 2025, 19:00 GMT-5/)).toBeTruthy());
  });

  it('asks again for sections that were catching up, until they settle', async () => {
    sessionStorage.setItem('executive-dashboard.session', JSON.stringify({ token: TOKEN, request: { role: 'ceo', workspaces: '*', name: 'Ann' }, name: 'Ann', role: 'ceo', workspaces: ['*'], expiresAt: null }));
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      if (!input.startsWith('/api/executive/overview')) return new Response(null, { status: 204 });
      calls.push(input);
      const data = overview();
      if (calls.length === 1) {
        data.executionMetrics.totalRuns = 10;
        data.meta.catchingUp = ['executionMetrics', 'trends.execution'];
      } else {
        data.meta.sections = ['agentMetrics', 'executionMetrics', 'topUsers', 'trends.errors', 'trends.execution'];
      }
      return new Response(JSON.stringify(data), { status: 200 });
    }));
    render(<App queryClient={createQueryClient()} />);
    expect(await screen.findByText(/Catching up/)).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(CATCH_UP_RETRY_MS));
    await waitFor(() => expect(within(screen.getByRole('article', { name: 'Total executions' })).getByTestId('metric-value').textContent).toBe('12,345'));
    expect(calls[1]).toBe(`/api/executive/overview?workspace_id=all&timeframe=7d&${BROWSER}&sections=executionMetrics%2Ctrends.execution`);
    expect(screen.queryByText(/Catching up/)).toBeNull();
  });

  it.each([
    ['ceo', ['*'], true, true],
    ['admin', ['ws_1'], true, false],
    ['member', ['ws_1'], false, false],
  ])('exports what a %s with %j sees, and offers the history and its check as the token allows', async (role, workspaces, history, verify) => {
    const token = `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'dev:ann', name: 'Ann', role, workspaces: workspaces.join(' '), exp: 4_000_000_000 })}.sig`;
    sessionStorage.setItem('executive-dashboard.session', JSON.stringify({ token, name: 'Ann', role, workspaces, expiresAt: null }));
    window.history.replaceState(null, '', '/?timeframe=30d');
    const exports: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      if (input.startsWith('/api/executive/overview')) return new Response(JSON.stringify(overview({ meta: { ...overview().meta, asOf: '2026-01-08T00:00:00.250Z' } })), { status: 200 });
      if (input === '/api/users/me/layout') {
        return new Response(JSON.stringify({ cards: [{ id: 'mrr', visible: true }, { id: 'dau', visible: false }, { id: 'churn', visible: true }] }), { status: 200 });
      }
      if (input.startsWith('/api/exports/audit')) return new Response(JSON.stringify({ items: [], next: null }), { status: 200 });
      if (input.startsWith('/api/exports/dashboard')) {
        exports.push(input);
        return new Response('x', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="f.pdf"' } });
      }
      return new Response(null, { status: 204 });
    }));
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<App queryClient={createQueryClient()} />);
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Key metrics' })).getAllByRole('article')[0].getAttribute('aria-label')).toBe('MRR'));

    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    expect(screen.queryByRole('menuitem', { name: 'Export history…' }) !== null).toBe(history);
    fireEvent.click(screen.getByRole('menuitem', { name: /^PDF/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    // The visible cards in the order shown (MRR, churn, then the ones the saved layout lacks), hidden DAU left out.
    expect(exports).toEqual([`/api/exports/dashboard?workspace_id=${workspaces[0] === '*' ? 'all' : 'ws_1'}&timeframe=30d&format=pdf&asOf=2026-01-08T00%3A00%3A00Z&${BROWSER}`
      + '&cards=mrr%2Cchurn%2CtotalRuns%2CsuccessRate%2Ccredits%2CactiveWorkspaces%2CltvCac%2Cp95Runtime%2CnewUsers%2Cagents']);

    if (history) {
      await waitFor(() => expect(screen.getByRole('button', { name: /Export/ }).getAttribute('aria-busy')).toBe('false'));
      fireEvent.click(screen.getByRole('button', { name: /Export/ }));
      fireEvent.click(screen.getByRole('menuitem', { name: 'Export history…' }));
      await screen.findByText('No exports yet.');
      expect(screen.queryByRole('button', { name: 'Verify chain' }) !== null).toBe(verify);
    }
    click.mockRestore();
  });

  it('refreshes the alerts on a metrics_update naming them, and switches the scope from a table', async () => {
    sessionStorage.setItem('executive-dashboard.session', JSON.stringify({ token: TOKEN, name: 'Ann', role: 'ceo', workspaces: ['*'], expiresAt: null }));
    const alertCalls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      if (input.startsWith('/api/executive/overview')) {
        overviewCalls.push(input);
        return new Response(JSON.stringify(overview()), { status: 200 });
      }
      if (input.startsWith('/api/alerts?')) {
        alertCalls.push(input);
        const acknowledged = alertCalls.length > 2 ? { acknowledgedAt: '2026-01-08T00:00:00Z', acknowledgedBy: 'dev:dana', acknowledgedByName: 'Dana' } : {};
        return new Response(JSON.stringify(input.includes('state=active') ? [alertView({ workspaceId: 'ws_1', ...acknowledged })] : []), { status: 200 });
      }
      return new Response(null, { status: 204 });
    }));
    render(<App queryClient={createQueryClient()} />);
    const alerts = await screen.findByRole('region', { name: 'Alerts' });
    await within(alerts).findByRole('button', { name: 'Acknowledge high-error-rate' });
    expect(alertCalls.sort()).toEqual(['/api/alerts?workspace_id=all&state=active', '/api/alerts?workspace_id=all&state=resolved&limit=10']);

    // Another viewer acknowledged: the gateway says activeAlerts changed, and the panel reads the alerts again.
    const ws = FakeWebSocket.instances.at(-1)!;
    act(() => ws.serverOpen());
    act(() => ws.serverSend({ event: 'metrics_update', workspaceId: 'all', sections: ['executionMetrics'], at: new Date().toISOString() }));
    await waitFor(() => expect(overviewCalls).toHaveLength(2));
    expect(alertCalls).toHaveLength(2);
    act(() => ws.serverSend({ event: 'metrics_update', workspaceId: 'all', sections: ['activeAlerts'], at: new Date().toISOString() }));
    expect(await within(alerts).findByText('Acknowledged by Dana')).toBeTruthy();
    expect(alertCalls).toHaveLength(4);

    // A socket subscribed again after a drop may have missed frames: the alerts are read again too.
    act(() => ws.serverSend({ event: 'subscribed', workspaceId: 'all', at: new Date().toISOString() }));
    expect(alertCalls).toHaveLength(4);
    act(() => ws.serverSend({ event: 'subscribed', workspaceId: 'all', at: new Date().toISOString() }));
    await waitFor(() => expect(alertCalls).toHaveLength(6));

    fireEvent.click(within(screen.getByRole('region', { name: 'Top agents' })).getByRole('button', { name: 'Show workspace ws_1' }));
    expect(new URLSearchParams(window.location.search).get('scope')).toBe('ws_1');
    await waitFor(() => expect(overviewCalls.at(-1)).toBe(`/api/executive/overview?workspace_id=ws_1&timeframe=7d&${BROWSER}`));
    await waitFor(() => expect(alertCalls).toContain('/api/alerts?workspace_id=ws_1&state=active'));
  });

  it('shows an error with a retry when the overview fails', async () => {
    sessionStorage.setItem('executive-dashboard.session', JSON.stringify({ token: TOKEN, request: { role: 'ceo', workspaces: '*', name: 'Ann' }, name: 'Ann', role: 'ceo', workspaces: ['*'], expiresAt: null }));
    let fail = true;
    vi.stubGlobal('fetch', vi.fn(async (input: string) => fail
      ? new Response(JSON.stringify({ title: 'Service unavailable' }), { status: 403 })
      : new Response(JSON.stringify(input.startsWith('/api/alerts') ? [] : overview()), { status: 200 })));
    render(<App queryClient={createQueryClient()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Service unavailable/);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'MRR' })).toBeTruthy();
  });

  it('keeps a section that fails to render to itself, and Retry asks for the numbers again', async () => {
    sessionStorage.setItem('executive-dashboard.session', JSON.stringify({ token: TOKEN, request: { role: 'ceo', workspaces: '*', name: 'Ann' }, name: 'Ann', role: 'ceo', workspaces: ['*'], expiresAt: null }));
    let calls = 0;
    vi.stubGlobal('fetch', vi.fn(async (input: string) => {
      if (!input.startsWith('/api/executive/overview')) return new Response(null, { status: 204 });
      const data = overview();
      // The first answer breaks the charts (a trend the page cannot read); the next one is whole.
      if (++calls === 1) (data.trends as { execution: unknown }).execution = null;
      return new Response(JSON.stringify(data), { status: 200 });
    }));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // main.tsx gives the root the same onCaughtError.
    render(<App queryClient={createQueryClient()} />, { onCaughtError: () => undefined });

    const trends = await screen.findByRole('region', { name: 'Trends' });
    const alert = await within(trends).findByRole('alert');
    expect(alert.textContent).toMatch(/^This section could not be shown\./);
    // The rest of the page lives.
    expect(within(screen.getByRole('region', { name: 'Key metrics' })).getAllByRole('article')).toHaveLength(11);
    expect(screen.getByRole('region', { name: 'Live activity' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Top users' })).toBeTruthy();
    expect(logged.mock.calls.filter((c) => String(c[0]).startsWith('The section'))).toEqual([
      ['The section "Trends" could not be shown:', expect.any(TypeError), expect.any(String)],
    ]);

    fireEvent.click(within(trends).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toBe(2));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Trends' })).queryByRole('alert')).toBeNull());
    expect(screen.getByRole('region', { name: 'Trends' }).textContent).toMatch(/Execution trend/);
    logged.mockRestore();
  });

  it('lets the keyboard reach every control in reading order: the header, Customize, then each card\'s definition and goal', async () => {
    sessionStorage.setItem('executive-dashboard.session', JSON.stringify({ token: TOKEN, request: { role: 'ceo', workspaces: '*', name: 'Ann' }, name: 'Ann', role: 'ceo', workspaces: ['*'], expiresAt: null }));
    render(<App queryClient={createQueryClient()} />);
    await screen.findByRole('region', { name: 'Key metrics' });
    // The tab sequence: focusable elements in document order, none taken out of it and none put before it.
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')]
      .filter((e) => !(e as HTMLButtonElement).disabled && e.tabIndex >= 0);
    expect(focusable.filter((e) => e.tabIndex > 0)).toEqual([]);
    const names = focusable.map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? '');
    const customize = names.indexOf('Customize');
    const header = focusable.findIndex((e) => e.closest('header') && !e.closest('article'));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(header).toBeLessThan(customize);
    // A ceo may set goals: a card with goal metrics has its "Set a goal" after its definition.
    expect(names.slice(customize + 1, customize + 17)).toEqual([
      'About Daily active users', 'Set a goal on Daily active users', 'About Total executions', 'Set a goal on Runs in 30 days', 'About Success rate',
      'Set a goal on Success rate over 30 days', 'About Credits used', 'About Active workspaces', 'Set a goal on Paid workspaces',
      'About MRR', 'Set a goal on MRR or ARR', 'About Churn rate', 'About LTV : CAC', 'About p95 runtime', 'About New users', 'About Active agents',
    ]);
    // Every button the page shows is in the sequence, but the export menu's items (reached with the arrow keys).
    const buttons = [...document.querySelectorAll<HTMLElement>('button')];
    expect(buttons.filter((b) => b.tabIndex < 0 && b.getAttribute('role') !== 'menuitem')).toEqual([]);
  });
});
