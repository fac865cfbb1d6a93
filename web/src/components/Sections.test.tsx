import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DegradedNotice } from './DegradedNotice';
import { ErrorState } from './ErrorState';
import { LiveActivityFeed } from './LiveActivityFeed';

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
