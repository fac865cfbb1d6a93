import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../lib/auth';
import { overview } from '../test/fixture';
import { TablesSection } from './TablesSection';

const now = new Date('2026-01-08T00:00:00Z');

beforeEach(() => {
  // The alerts service does not answer: the panel shows the overview's alerts.
  vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)));
});
afterEach(() => vi.unstubAllGlobals());

const renderSection = (scope: string, workspaces: string[]) => {
  const onScopeChange = vi.fn();
  const session: Pick<Session, 'token' | 'role' | 'workspaces'> = { token: 'tok', role: 'ceo', workspaces };
  render(<QueryClientProvider client={new QueryClient()}><TablesSection data={overview()} scope={scope} now={now} session={session} onScopeChange={onScopeChange} resetKeys={[scope]} onRetry={() => undefined} /></QueryClientProvider>);
  return onScopeChange;
};

describe('TablesSection', () => {
  it('holds the alerts, top agents and top users, each a labelled section', () => {
    renderSection('ws_1', ['ws_1']);
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))).toEqual(['Alerts', 'Top agents', 'Top users']);
    expect(within(screen.getByRole('region', { name: 'Alerts' })).getByText('high-error-rate')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Top agents' })).getByText('Invoice bot')).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Workspace' })).toBeNull();
  });

  it('at the platform scope, a workspace in the agents or users switches the scope', () => {
    const onScopeChange = renderSection('all', ['*']);
    fireEvent.click(within(screen.getByRole('region', { name: 'Top agents' })).getByRole('button', { name: 'Show workspace ws_1' }));
    fireEvent.click(within(screen.getByRole('region', { name: 'Top users' })).getByRole('button', { name: 'Show workspace ws_1' }));
    expect(onScopeChange.mock.calls).toEqual([['ws_1'], ['ws_1']]);
  });

  it('offers a workspace only to a person who may open it', () => {
    renderSection('all', ['ws_1', 'ws_2']);
    expect(within(screen.getByRole('region', { name: 'Top agents' })).getByText('ws_1').tagName).toBe('TD');
    expect(screen.queryByRole('button', { name: /^Show workspace/ })).toBeNull();
  });
});
