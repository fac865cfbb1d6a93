import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { overview } from '../test/fixture';
import { mrrGoal } from '../test/goals';
import { MetricsGrid } from './MetricsGrid';

describe('MetricsGrid', () => {
  it('shows each goal on its metric\'s card, and no goal controls to a reader', () => {
    render(<MetricsGrid data={overview({ goals: [mrrGoal(), mrrGoal({ id: 'g_2', metric: 'paidWorkspaces', target: 40, status: 'onTrack' })] })} />);
    const mrr = screen.getByRole('article', { name: 'MRR' });
    expect(within(mrr).getByRole('progressbar', { name: 'MRR goal progress' })).toBeTruthy();
    expect(within(mrr).getByText('Off track')).toBeTruthy();
    const workspaces = screen.getByRole('article', { name: 'Active workspaces' });
    expect(within(workspaces).getByText('On track')).toBeTruthy();
    expect(screen.getAllByTestId('goal')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /goal/ })).toBeNull();
  });

  it('shows a dau goal on the DAU card as a count', () => {
    render(<MetricsGrid data={overview({ goals: [mrrGoal({ metric: 'dau', target: 2000, baseline: 1000, current: 1500, projected: 1800, progress: 0.5, status: 'atRisk' })] })} />);
    const dau = screen.getByRole('article', { name: 'Daily active users' });
    const bar = within(dau).getByRole('progressbar', { name: 'Daily active users goal progress' });
    expect(bar.getAttribute('aria-valuetext')).toBe('50% of the way from 1,000 to 2,000');
    expect(within(dau).getByText('At risk')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'MRR' })).queryByTestId('goal')).toBeNull();
  });

  it('renders the eleven cards with their numbers', () => {
    render(<MetricsGrid data={overview()} />);
    const titles = screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'));
    expect(titles).toEqual(['Daily active users', 'Total executions', 'Success rate', 'Credits used', 'Active workspaces', 'MRR', 'Churn rate', 'LTV : CAC', 'p95 runtime', 'New users', 'Active agents']);
    const dau = screen.getByRole('article', { name: 'Daily active users' });
    expect(within(dau).getByText('WAU')).toBeTruthy();
    expect(within(dau).getByText('1,500')).toBeTruthy();
    expect(within(dau).getAllByLabelText('change not available')).toHaveLength(1); // mauChange is null
    expect(within(screen.getByRole('article', { name: 'MRR' })).getByText('$579,000')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'LTV : CAC' })).getByTestId('metric-value').textContent).toBe('8.0×');
    expect(within(screen.getByRole('article', { name: 'Credits used' })).getByText('n/a')).toBeTruthy();
    const newUsers = screen.getByRole('article', { name: 'New users' });
    expect(within(newUsers).getByTestId('metric-value').textContent).toBe('30');
    expect(within(newUsers).getByText('Churned users').nextElementSibling!.textContent).toBe('4');
    expect(within(newUsers).getByText('Active rate').nextElementSibling!.textContent).toBe('62.5%');
    const agents = screen.getByRole('article', { name: 'Active agents' });
    expect(within(agents).getByTestId('metric-value').textContent).toBe('9');
    expect(within(agents).getByText('Total agents').nextElementSibling!.textContent).toBe('12');
  });

  it('shows the same cards loading, in the layout\'s order, before the first overview', () => {
    const layout = [{ id: 'mrr', visible: true }, { id: 'dau', visible: false }, { id: 'agents', visible: true }];
    const { container } = render(<MetricsGrid data={undefined} layout={layout} />);
    expect(screen.queryByRole('region')).toBeNull();
    const cards = [...container.querySelectorAll('[data-loading]')];
    expect(cards.map((c) => c.textContent)).toEqual(['MRR', 'Active agents']);
    expect(cards.every((c) => c.getAttribute('aria-busy') === 'true')).toBe(true);
  });

  it('sets each card\'s span so that no row holds a lone card', () => {
    // Five cards: 3 + 2 at 2, 3 and 4 columns (6 tracks), one row of 5 at 6 columns.
    const layout = ['dau', 'totalRuns', 'successRate', 'credits', 'mrr'].map((id) => ({ id, visible: true }));
    render(<MetricsGrid data={overview()} layout={layout} />);
    const grid = screen.getByRole('region', { name: 'Key metrics' });
    expect(grid.style.getPropertyValue('--grid-xl')).toBe('repeat(6, minmax(0, 1fr))');
    expect(grid.style.getPropertyValue('--grid-2xl')).toBe('repeat(5, minmax(0, 1fr))');
    const spans = screen.getAllByRole('article').map((a) => (a.parentElement as HTMLElement).style.getPropertyValue('--span-xl'));
    expect(spans).toEqual(['2', '2', '2', '3', '3']);
    expect((screen.getByRole('article', { name: 'MRR' }).parentElement as HTMLElement).className).toContain('xl:col-span-(--span-xl)');
  });

  it('says how to bring the cards back when all are hidden', () => {
    render(<MetricsGrid data={overview()} layout={[{ id: 'dau', visible: false }]} />);
    expect(screen.getByText(/All metric cards are hidden/)).toBeTruthy();
  });

  it('greys out only the cards of a degraded section', () => {
    const data = overview();
    data.meta.degraded = ['businessMetrics', 'mrrMovements', 'trends.revenue'];
    render(<MetricsGrid data={data} />);
    expect(within(screen.getByRole('article', { name: 'MRR' })).getByText('Temporarily unavailable')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Churn rate' })).getByText('Temporarily unavailable')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Total executions' })).queryByText('Temporarily unavailable')).toBeNull();
    expect(within(screen.getByRole('article', { name: 'New users' })).queryByText('Temporarily unavailable')).toBeNull();
  });

  it('greys out the new-users card with the user metrics and the agents card with the agent metrics', () => {
    const data = overview();
    data.meta.degraded = ['userMetrics', 'agentMetrics'];
    render(<MetricsGrid data={data} />);
    for (const name of ['New users', 'Active agents', 'Daily active users']) {
      const card = screen.getByRole('article', { name });
      expect(within(card).getByText('Temporarily unavailable')).toBeTruthy();
      expect(within(card).getByTestId('metric-value').textContent).toBe('n/a');
    }
    expect(within(screen.getByRole('article', { name: 'MRR' })).queryByText('Temporarily unavailable')).toBeNull();
  });
});
