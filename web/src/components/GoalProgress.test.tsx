import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { axeFindings } from '../test/axe';
import { mrrGoal } from '../test/goals';
import { GoalProgress } from './GoalProgress';

describe('GoalProgress', () => {
  it('shows the target and its day, the progress from the baseline, the projection and the status', async () => {
    const { container } = render(<GoalProgress goal={mrrGoal()} />);
    expect(container.textContent).toContain('MRR goal: $20,000 by Mar 31, 2027');
    expect(container.textContent).toContain('Now $12,000 · projected $15,001');
    const bar = screen.getByRole('progressbar', { name: 'MRR goal progress' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuetext')]).toEqual(['20', '20% of the way from $10,000 to $20,000']);
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('20%');
    expect(screen.getByText('Off track')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(await axeFindings(container)).toEqual([]);
  });

  it('says a goal not evaluated yet is pending, and offers Edit to those who may', () => {
    const onEdit = vi.fn();
    render(<GoalProgress goal={mrrGoal({ metric: 'successRate', target: 99.5, baseline: null, current: null, projected: null, progress: null, status: null })} onEdit={onEdit} />);
    expect(screen.getByText('Pending')).toBeTruthy();
    expect(screen.getByText('Evaluating…')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('not evaluated yet');
    expect(screen.getByText(/Success rate over 30 days goal/).textContent).toContain('99.5%');
    fireEvent.click(screen.getByRole('button', { name: 'Edit the Success rate over 30 days goal' }));
    expect(onEdit).toHaveBeenCalledOnce();
  });
});
