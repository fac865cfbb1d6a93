import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakePlot } from '../test/fakeUplot';
import { ChartsSection } from './ChartsSection';

const day = (value: number) => [{ timestamp: '2026-09-07T12:00:00Z', value, successful: value, failed: 0 }];
const trends = { execution: day(10), users: day(3), revenue: day(48250), errors: [] };
const movements = { new: 10, expansion: 0, contraction: 0, churned: 0, reactivation: 0 };
const guard = { resetKeys: ['all', '90d'], onRetry: () => undefined, annotations: [] };

describe('ChartsSection', () => {
  it('draws the four trends in "Trends", an empty one saying so, and the movements in their own section', () => {
    render(<ChartsSection trends={trends} mrrMovements={movements} timeframe="90d" degraded={['trends.users']} {...guard} />);
    const figures = within(screen.getByRole('region', { name: 'Trends' })).getAllByRole('figure');
    expect(figures.map((f) => [f.getAttribute('aria-labelledby') && document.getElementById(f.getAttribute('aria-labelledby')!)?.textContent, f.getAttribute('data-drawn')])).toEqual([
      ['Execution trend', 'true'], ['User activity', 'true'], ['Revenue (MRR)', 'true'], ['Error rate', 'true'],
    ]);
    expect(figures[3].textContent).toContain('No data in this period.');
    expect(within(figures[1]).getByRole('status').textContent).toMatch(/^User activity trend is unavailable/);
    expect(within(screen.getByRole('region', { name: 'MRR movements' })).getByText('Net MRR change')).toBeTruthy();
  });
  it('redraws nothing when an update changed only other sections, and only the trend that changed', () => {
    const { rerender } = render(<ChartsSection trends={trends} mrrMovements={movements} timeframe="90d" degraded={[]} {...guard} />);
    expect(FakePlot.instances).toHaveLength(3);
    // What mergeSections gives after a metrics_update for topUsers: new objects, the same series.
    rerender(<ChartsSection trends={{ ...trends }} mrrMovements={movements} timeframe="90d" degraded={[]} {...guard} />);
    expect(FakePlot.instances.map((p) => p.dataSets.length)).toEqual([1, 1, 1]);
    rerender(<ChartsSection trends={{ ...trends, revenue: day(49000) }} mrrMovements={movements} timeframe="90d" degraded={[]} {...guard} />);
    expect(FakePlot.instances).toHaveLength(3);
    expect(FakePlot.instances.map((p) => p.dataSets.length)).toEqual([1, 1, 2]);
  });
  it('keeps a render error of the MRR movements to their section: the trends are still drawn', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // An answer without the movements' object (a broken or hostile answer), which the chart cannot read.
    render(<ChartsSection trends={trends} mrrMovements={undefined as never} timeframe="90d" degraded={[]} {...guard} />);
    const failed = screen.getByRole('region', { name: 'MRR movements' });
    expect(within(failed).getByRole('alert').textContent).toContain('This section could not be shown.');
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Trends' })).getAllByRole('figure')).toHaveLength(4);
    error.mockRestore();
  });
  it('marks the annotations on each of the four trends', () => {
    const annotations = [{ id: 'a', at: '2026-09-07T12:00:00Z', scope: 'ws_1', kind: 'deploy', text: 'Release' }];
    render(<ChartsSection trends={{ ...trends, errors: day(2) }} mrrMovements={movements} timeframe="90d" degraded={[]} {...guard} annotations={annotations} />);
    expect(screen.getAllByRole('list', { name: /annotations$/ }).map((l) => l.getAttribute('aria-label'))).toEqual(
      ['Execution trend annotations', 'User activity annotations', 'Revenue (MRR) annotations', 'Error rate annotations']);
  });
});
