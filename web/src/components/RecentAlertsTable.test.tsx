import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AlertView } from '../lib/alerts';
import { alertView } from '../test/alerts';
import { RecentAlertsTable, type RecentAlertsTableProps } from './RecentAlertsTable';

const now = new Date('2026-01-08T00:00:00Z');
const alerts: AlertView[] = [
  alertView({ id: 'a1', type: 'high-error-rate', severity: 'critical', triggeredAt: '2026-01-07T23:50:00Z' }),
  alertView({ id: 'a2', type: 'mrr-drop', severity: 'high', workspaceId: 'all', message: 'MRR 6% lower than 24 h earlier', triggeredAt: '2026-01-07T21:00:00Z',
    acknowledgedAt: '2026-01-07T22:00:00Z', acknowledgedBy: 'dev:dana', acknowledgedByName: 'Dana' }),
  alertView({ id: 'r1', type: 'slow-runs', severity: 'low', workspaceId: 'ws_2', message: 'p95 runtime 1.6× the day before', state: 'resolved',
    triggeredAt: '2026-01-06T00:00:00Z', resolvedAt: '2026-01-07T23:55:00Z', acknowledgedAt: '2026-01-06T01:00:00Z', acknowledgedBy: 'dev:ann' }),
];

const renderTable = (props: Partial<RecentAlertsTableProps> = {}) =>
  render(<QueryClientProvider client={new QueryClient()}><RecentAlertsTable alerts={alerts} now={now} platform={false} {...props} /></QueryClientProvider>);
const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);
const cells = () => screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));

describe('RecentAlertsTable', () => {
  it('shows severity, the alert, since when and its state: active, acknowledged or resolved', () => {
    renderTable();
    expect(headers()).toEqual(['Severity', 'Alert', 'Since', 'State']);
    expect(cells()).toEqual([
      ['critical', 'high-error-rateError rate 14% in the last hour', '10 min ago', 'Active'],
      ['high', 'mrr-dropMRR 6% lower than 24 h earlier', '3 h ago', 'Acknowledged by Dana'],
      ['low', 'slow-runsp95 runtime 1.6× the day before', '2 d ago', 'Resolved 5 min agoAcknowledged by dev:ann'],
    ]);
    expect(screen.getByText('10 min ago').getAttribute('title')).toContain('(2026-01-07T23:50:00Z)');
    expect(screen.getByText('Resolved 5 min ago').getAttribute('dateTime')).toBe('2026-01-07T23:55:00Z');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('at the platform scope names each alert\'s workspace (a button) or the platform', () => {
    const onScopeChange = vi.fn();
    renderTable({ platform: true, onScopeChange });
    expect(headers()).toEqual(['Severity', 'Alert', 'Workspace', 'Since', 'State']);
    expect(cells().map((row) => row[2])).toEqual(['ws_1', 'Platform', 'ws_2']);
    fireEvent.click(screen.getByRole('button', { name: 'Show workspace ws_2' }));
    expect(onScopeChange).toHaveBeenCalledWith('ws_2');
  });

  it('offers to acknowledge only the active, unacknowledged alerts, to those who may', () => {
    renderTable({ acknowledgeAs: { token: 'tok', scope: 'ws_1' } });
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Acknowledge high-error-rate']);
    expect(screen.getByRole('button', { name: 'Acknowledge high-error-rate' }).textContent).toBe('Acknowledge');
  });

  it('says when there is nothing to list', () => {
    renderTable({ alerts: [], platform: true });
    expect(cells()).toEqual([['No active or recently resolved alerts.']]);
    expect(screen.getByRole('cell').getAttribute('colspan')).toBe('5');
  });
});
