import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertView } from '../lib/alerts';
import type { ActiveAlert } from '../lib/types';
import { alertView, errorRateRule, json, problem } from '../test/alerts';
import { axeFindings } from '../test/axe';
import { AlertsPanel, type AlertsPanelProps } from './AlertsPanel';

const now = new Date('2026-01-08T00:00:00Z');
const active = [
  alertView({ id: 'a1', type: 'high-error-rate', severity: 'critical' }),
  alertView({ id: 'a2', type: 'mrr-drop', acknowledgedAt: '2026-01-07T23:55:00Z', acknowledgedBy: 'dev:ann', acknowledgedByName: 'Ann' }),
];
const resolved = [alertView({ id: 'r1', type: 'slow-runs', severity: 'low', state: 'resolved', resolvedAt: '2026-01-07T23:00:00Z' })];
const overviewAlerts: ActiveAlert[] = [{ id: 'a1', type: 'high-error-rate', message: 'from the overview', severity: 'critical', triggeredAt: '2026-01-07T23:50:00Z' }];

let requests: { url: string; init: RequestInit }[];
let route: (url: URL, init: RequestInit) => Response | Promise<Response>;

beforeEach(() => {
  requests = [];
  route = (url) => {
    if (url.pathname === '/api/alerts') return json(url.searchParams.get('state') === 'active' ? active : resolved);
    if (url.pathname === '/api/alerts/rules') return json([errorRateRule()]);
    return new Response(null, { status: 404 });
  };
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit) => {
    requests.push({ url: input, init });
    return route(new URL(input, 'http://x'), init);
  }));
});
afterEach(() => vi.unstubAllGlobals());

const renderPanel = (props: Partial<AlertsPanelProps> = {}) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AlertsPanel session={{ token: 'tok', role: 'ceo', workspaces: ['*'] }} scope="ws_1" now={now} overviewAlerts={overviewAlerts} degraded={[]} {...props} />
    </QueryClientProvider>,
  );
  return { client, panel: screen.getByRole('region', { name: 'Alerts' }) };
};
const rowTypes = (panel: HTMLElement) => within(panel).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1].querySelector('span')!.textContent);
const ackLabels = (panel: HTMLElement) => within(panel).queryAllByRole('button', { name: /^Acknowledge / }).map((b) => b.getAttribute('aria-label'));

describe('AlertsPanel', () => {
  it('asks for the scope\'s active alerts and its last 10 resolved ones, and lists the active ones first', async () => {
    const { panel } = renderPanel();
    await waitFor(() => expect(rowTypes(panel)).toEqual(['high-error-rate', 'mrr-drop', 'slow-runs']));
    expect(requests.map((r) => r.url).sort()).toEqual(['/api/alerts?workspace_id=ws_1&state=active', '/api/alerts?workspace_id=ws_1&state=resolved&limit=10']);
    expect(within(panel).getByText('Acknowledged by Ann')).toBeTruthy();
    expect(within(panel).getByText('Resolved 1 h ago')).toBeTruthy();
    expect(ackLabels(panel)).toEqual(['Acknowledge high-error-rate']);
    expect(within(panel).getByRole('heading', { name: 'Alerts' })).toBeTruthy();
    expect(await axeFindings(panel)).toEqual([]);
  });

  it('shows the overview\'s active alerts until the service answers, with nothing to acknowledge yet', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((r) => { answer = r; });
    const base = route;
    route = async (url, init) => { await answered; return base(url, init); };
    const { panel } = renderPanel({ degraded: ['activeAlerts'] });
    expect(within(panel).getByText('from the overview')).toBeTruthy();
    expect(ackLabels(panel)).toEqual([]);
    expect(within(panel).getByRole('status').textContent).toMatch(/^Active alerts is unavailable/);
    answer();
    await waitFor(() => expect(rowTypes(panel)).toHaveLength(3));
    expect(within(panel).queryByText('from the overview')).toBeNull();
    expect(within(panel).queryByRole('status')).toBeNull();
  });

  it.each([
    ['ceo', true],
    ['admin', true],
    ['member', false],
  ])('a %s may acknowledge: %s', async (role, may) => {
    const { panel } = renderPanel({ session: { token: 'tok', role, workspaces: ['ws_1'] } });
    await waitFor(() => expect(rowTypes(panel)).toHaveLength(3));
    expect(ackLabels(panel)).toEqual(may ? ['Acknowledge high-error-rate'] : []);
  });

  it('acknowledges: the row says who at once, and the button goes', async () => {
    const acked: AlertView = { ...active[0], acknowledgedAt: '2026-01-08T00:00:00Z', acknowledgedBy: 'dev:dana', acknowledgedByName: 'Dana' };
    const base = route;
    route = (url, init) => (url.pathname === '/api/alerts/a1/acknowledge' ? json(acked) : base(url, init));
    const { panel } = renderPanel();
    fireEvent.click(await within(panel).findByRole('button', { name: 'Acknowledge high-error-rate' }));
    expect(await within(panel).findByText('Acknowledged by Dana')).toBeTruthy();
    expect(ackLabels(panel)).toEqual([]);
    // The button went away under the keyboard's focus: the focus goes to what replaced it.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Acknowledged by Dana'));
    expect(requests.filter((r) => r.init.method === 'POST').map((r) => r.url)).toEqual(['/api/alerts/a1/acknowledge']);
  });

  it('says when the alerts could not be read, keeps the overview\'s, and tries again', async () => {
    let fail = true;
    const base = route;
    route = (url, init) => (fail ? problem(503, { title: 'Service unavailable', detail: 'The alerts service did not answer.' }) : base(url, init));
    const { panel } = renderPanel();
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('Alerts could not be read: The alerts service did not answer.'));
    expect(within(panel).getByText('from the overview')).toBeTruthy();
    fail = false;
    fireEvent.click(within(panel).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rowTypes(panel)).toHaveLength(3));
    expect(within(panel).queryByRole('status')).toBeNull();
  });

  it('at the platform scope, a workspace switches the scope', async () => {
    const onScopeChange = vi.fn();
    const { panel } = renderPanel({ scope: 'all', onScopeChange });
    fireEvent.click((await within(panel).findAllByRole('button', { name: 'Show workspace ws_1' }))[0]);
    expect(onScopeChange).toHaveBeenCalledWith('ws_1');
    expect(requests[0].url).toContain('workspace_id=all');
  });

  it('offers the rules only to a token for every workspace', async () => {
    renderPanel({ session: { token: 'tok', role: 'admin', workspaces: ['ws_1', 'ws_2'] } });
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Alert rules' })).toBeNull();
  });

  it('opens the rules in a dialog; Escape closes it and focus returns to the button', async () => {
    const { panel } = renderPanel();
    const opener = within(panel).getByRole('button', { name: 'Alert rules' });
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Alert rules' });
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Alert rules' }));
    await within(dialog).findByRole('group', { name: 'high-error-rate' });
    expect(requests.map((r) => r.url)).toContain('/api/alerts/rules');
    fireEvent.keyDown(within(dialog).getByRole('spinbutton', { name: 'minRuns' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
