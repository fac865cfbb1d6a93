import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { overview } from '../test/fixture';
import { DegradedNotice } from './DegradedNotice';
import { ErrorState } from './ErrorState';
import { LiveActivityFeed } from './LiveActivityFeed';
import { TablesSection } from './TablesSection';

describe('DegradedNotice', () => {
  it('shows one notice per degraded section it covers', () => {
    render(<DegradedNotice degraded={['activeAlerts', 'trends.errors', 'topUsers']} sections={['activeAlerts', 'topUsers', 'agentMetrics']} />);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual([
      expect.stringMatching(/^Active alerts is unavailable/),
      expect.stringMatching(/^Top users is unavailable/),
    ]);
  });
  it('shows nothing when all answered', () => {
    const { container } = render(<DegradedNotice degraded={[]} sections={['activeAlerts']} />);
    expect(container.textContent).toBe('');
  });
});

describe('TablesSection', () => {
  it('lists alerts, agents and users, naming the workspace only for the platform scope', () => {
    const now = new Date('2026-01-08T00:00:00Z');
    const { rerender } = render(<TablesSection data={overview()} scope="ws_1" now={now} />);
    const alerts = screen.getByRole('region', { name: 'Active alerts' });
    expect(within(alerts).getByText('high-error-rate')).toBeTruthy();
    expect(within(alerts).getByText('10 min ago')).toBeTruthy();
    const agents = screen.getByRole('region', { name: 'Top agents' });
    expect(within(agents).getByText('Invoice bot')).toBeTruthy();
    expect(within(agents).getByText('95.5%')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Top users' })).queryByText('Workspace')).toBeNull();
    rerender(<TablesSection data={overview()} scope="all" now={now} />);
    const users = screen.getByRole('region', { name: 'Top users' });
    expect(within(users).getByText('Workspace')).toBeTruthy();
    expect(within(users).getByText('u_1')).toBeTruthy();
  });
});

describe('ErrorState', () => {
  it('offers a retry', () => {
    let retried = 0;
    render(<ErrorState message="The overview answered 503." onRetry={() => retried++} />);
    screen.getByRole('button', { name: 'Try again' }).click();
    expect(retried).toBe(1);
    expect(screen.getByRole('alert').textContent).toMatch(/503/);
  });
});

describe('LiveActivityFeed', () => {
  it('gives an export a download icon, and a kind it does not know its text with a neutral dot', () => {
    const at = '2026-01-08T00:00:00Z';
    render(<LiveActivityFeed now={new Date(at)} showWorkspace={false} items={[
      { event: 'activity', id: 'x1', workspaceId: 'ws_1', kind: 'export.generated', text: 'Dana exported the 30-day PDF', at },
      { event: 'activity', id: 'x2', workspaceId: 'ws_1', kind: 'report.scheduled', text: 'A weekly report was scheduled', at },
    ]} />);
    const [exported, unknown] = within(screen.getByRole('region', { name: 'Live activity' })).getAllByRole('listitem');
    expect(exported.textContent).toBe('⤓Dana exported the 30-day PDFjust now');
    expect(within(exported).getByText('⤓').getAttribute('aria-hidden')).toBe('true');
    expect(unknown.textContent).toBe('•A weekly report was scheduledjust now');
  });
});
