import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mrrGoal } from '../test/goals';
import { CardGoals } from './CardGoals';

const renderGoals = (ui: React.ReactElement) => render(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);

describe('CardGoals', () => {
  it('shows the card\'s own goals only, and nothing to a reader when it has none', () => {
    const goals = [mrrGoal(), mrrGoal({ id: 'g_2', metric: 'runs', target: 5000 })];
    const { container } = renderGoals(<CardGoals metrics={['mrr', 'arr']} goals={goals} />);
    expect([...container.querySelectorAll('[data-testid=goal]')].map((g) => g.getAttribute('data-metric'))).toEqual(['mrr']);
    expect(screen.queryByRole('button')).toBeNull();
    const { container: empty } = renderGoals(<CardGoals metrics={['paidWorkspaces']} goals={goals} />);
    expect(empty.innerHTML).toBe('');
  });

  it('lets ceo and admin set a goal on a metric without one, in a dialog loaded when opened', async () => {
    renderGoals(<CardGoals metrics={['mrr', 'arr']} goals={[mrrGoal()]} editing={{ token: 'tok', scope: 'ws_1' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Set a goal on ARR' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set a goal' });
    expect([...dialog.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['ARR']);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Set a goal on ARR' }));

    fireEvent.click(screen.getByRole('button', { name: 'Edit the MRR goal' }));
    expect(await screen.findByRole('dialog', { name: 'Edit the MRR goal' })).toBeTruthy();
  });

  it('offers no new goal once every metric of the card has one', () => {
    renderGoals(<CardGoals metrics={['mrr']} goals={[mrrGoal()]} editing={{ token: 'tok', scope: 'ws_1' }} />);
    expect(screen.queryByRole('button', { name: /Set a goal/ })).toBeNull();
  });
});
