import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DashboardSkeleton } from './DashboardSkeleton';

describe('DashboardSkeleton', () => {
  it('is one busy page: the shown cards loading, the charts, the tables and the feed', () => {
    const layout = [{ id: 'mrr', visible: true }, { id: 'dau', visible: false }, { id: 'newUsers', visible: true }];
    const { container } = render(<DashboardSkeleton layout={layout} />);
    const page = container.firstElementChild!;
    expect(page.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Loading the dashboard…');
    expect([...page.querySelectorAll('[data-loading]')].map((c) => c.textContent)).toEqual(['MRR', 'New users']);
    expect(screen.getByLabelText('Loading charts')).toBeTruthy();
    expect(screen.getByTestId('tables-skeleton')).toBeTruthy();
    expect(screen.getByTestId('feed-skeleton')).toBeTruthy();
    // Nothing for the page's probes to take for a drawn section.
    expect(screen.queryAllByRole('region')).toEqual([]);
    expect(screen.queryAllByRole('article')).toEqual([]);
  });

  it('shows every card loading before the layout arrives', () => {
    const { container } = render(<DashboardSkeleton />);
    expect(container.querySelectorAll('[data-loading]')).toHaveLength(11);
  });
});
