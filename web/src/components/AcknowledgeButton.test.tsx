import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeAlertsKey, resolvedAlertsKey, type AlertView } from '../lib/alerts';
import { alertView, json, problem } from '../test/alerts';
import { AcknowledgeButton } from './AcknowledgeButton';

const alert = alertView({ id: 'al_9', type: 'credit-spike' });
const acknowledged = alertView({ ...alert, acknowledgedAt: '2026-01-08T00:00:00Z', acknowledgedBy: 'dev:dana', acknowledgedByName: 'Dana' });
let requests: { url: string; init: RequestInit }[];
let answer: () => Response;

beforeEach(() => {
  requests = [];
  answer = () => json(acknowledged);
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => { requests.push({ url, init }); return answer(); }));
});
afterEach(() => vi.unstubAllGlobals());

const renderButton = () => {
  const client = new QueryClient();
  client.setQueryData(activeAlertsKey('ws_1'), [alertView({ id: 'al_1' }), alert]);
  client.setQueryData(resolvedAlertsKey('ws_1'), [alertView({ id: 'al_0', state: 'resolved' })]);
  render(<QueryClientProvider client={client}><AcknowledgeButton alert={alert} token="tok" scope="ws_1" /></QueryClientProvider>);
  return client;
};

describe('AcknowledgeButton', () => {
  it('acknowledges the alert and puts the answer into the scope\'s alert lists', async () => {
    const client = renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge credit-spike' }));
    await waitFor(() => expect(client.getQueryData<AlertView[]>(activeAlertsKey('ws_1'))?.[1]).toEqual(acknowledged));
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe('/api/alerts/al_9/acknowledge');
    expect(requests[0].init.method).toBe('POST');
    expect((requests[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(client.getQueryData<AlertView[]>(activeAlertsKey('ws_1'))?.[0].acknowledgedAt).toBeNull();
    expect(client.getQueryData<AlertView[]>(resolvedAlertsKey('ws_1'))).toEqual([alertView({ id: 'al_0', state: 'resolved' })]);
  });

  it('asks once while the first request runs', async () => {
    let release!: () => void;
    answer = () => json(acknowledged);
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      await new Promise<void>((r) => { release = r; });
      return answer();
    }));
    renderButton();
    const button = screen.getByRole('button', { name: 'Acknowledge credit-spike' });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    expect(button.textContent).toBe('Acknowledging…');
    fireEvent.click(button);
    release();
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'));
    expect(requests).toHaveLength(1);
  });

  it.each([
    [401, problem(401, { title: 'Unauthorized', detail: 'The token has expired.' }), 'The token has expired.'],
    [403, problem(403, { title: 'Forbidden', detail: 'Role member may not acknowledge alerts.' }), 'Role member may not acknowledge alerts.'],
    [404, new Response(null, { status: 404 }), 'Acknowledging the alert answered 404.'],
    [503, problem(503, { title: 'Alerts unavailable' }), 'Alerts unavailable'],
  ])('shows a %i in the row, as an alert, and leaves the lists alone', async (_status, response, message) => {
    answer = () => response;
    const client = renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge credit-spike' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(client.getQueryData<AlertView[]>(activeAlertsKey('ws_1'))?.[1]).toEqual(alert);
  });
});
