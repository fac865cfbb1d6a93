import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../lib/format';
import { FakePlot, resizeAll } from '../../test/fakeUplot';
import type { PlotSpec } from './plotOptions';
import { TimeSeriesChart } from './TimeSeriesChart';

const spec: PlotSpec = { series: [{ key: 'value', label: 'Total', color: '#3b82f6' }, { key: 'failed', label: 'Failed', color: '#ef4444' }], formatAxis: String };
const points = [
  { timestamp: '2026-09-07T12:00:00Z', value: 1200, failed: 30 },
  { timestamp: '2026-09-08T12:00:00Z', value: 800, failed: 12 },
];
const chart = (over: Partial<Parameters<typeof TimeSeriesChart>[0]> = {}) => (
  <TimeSeriesChart title="Execution trend" section="trends.execution" degraded={false} points={points} timeframe="90d" spec={spec} formatValue={formatCount} {...over} />
);

describe('TimeSeriesChart', () => {
  it('is a captioned figure, marked drawn once the canvas drew, described for screen readers', () => {
    render(chart());
    const figure = screen.getByRole('figure', { name: 'Execution trend' });
    expect(figure.getAttribute('data-drawn')).toBe('true');
    expect(FakePlot.instances).toHaveLength(1);
    expect(FakePlot.instances[0].width).toBe(600);
    expect(document.getElementById(figure.getAttribute('aria-describedby')!)?.textContent).toBe(
      '2 points from Mon, Sep 7, 2026 to Tue, Sep 8, 2026. Total: first 1,200, last 800, lowest 800, highest 1,200. Failed: first 30, last 12, lowest 12, highest 30.');
  });
  it('is not marked drawn before the canvas exists', () => {
    resizeAll(0); // laid out without a width yet: nothing to draw
    render(chart());
    expect(FakePlot.instances).toHaveLength(0);
    expect(screen.getByRole('figure').getAttribute('data-drawn')).toBe('false');
    act(() => resizeAll(500));
    expect(screen.getByRole('figure').getAttribute('data-drawn')).toBe('true');
  });
  it('shows the latest values, then those under the cursor', () => {
    render(chart());
    const figure = screen.getByRole('figure');
    expect(figure.textContent).toContain('Tue, Sep 8, 2026Total 800Failed 12');
    act(() => FakePlot.instances[0].hover(0));
    expect(figure.textContent).toContain('Mon, Sep 7, 2026Total 1,200Failed 30');
  });
  it('resizes the canvas with its container and redraws new numbers without a new plot', () => {
    const { rerender } = render(chart());
    act(() => resizeAll(420));
    expect(FakePlot.instances[0].sizes).toEqual([420]);
    rerender(chart({ points: [...points, { timestamp: '2026-09-09T12:00:00Z', value: 5, failed: 1 }] }));
    expect(FakePlot.instances).toHaveLength(1);
    expect(FakePlot.instances[0].dataSets.at(-1)?.[1]).toEqual([1200, 800, 5]);
  });
  it('says when there is no data, and is drawn all the same', () => {
    render(chart({ points: [] }));
    const figure = screen.getByRole('figure', { name: 'Execution trend' });
    expect(figure.getAttribute('data-drawn')).toBe('true');
    expect(figure.textContent).toContain('No data in this period.');
    expect(FakePlot.instances).toHaveLength(0);
  });
  it('shows the notice of a degraded trend, and lets go of the canvas when unmounted', () => {
    const { unmount } = render(chart({ degraded: true }));
    expect(screen.getByRole('status').textContent).toMatch(/^Execution trend is unavailable/);
    unmount();
    expect(FakePlot.instances[0].destroyed).toBe(true);
  });
  it('marks each annotation of its range with a line in its kind colour and a flag, stretching to one after the last point', () => {
    const annotations = [
      { id: 'd', at: '2026-09-07T18:00:00Z', scope: 'ws_1', kind: 'deploy', text: 'Release 4.2' },
      { id: 'i', at: '2026-09-08T18:00:00Z', scope: 'all', kind: 'incident', text: 'Provider outage' },
      { id: 'o', at: '2026-09-06T12:00:00Z', scope: 'ws_1', kind: 'note', text: 'Before the first point' },
    ];
    render(chart({ annotations }));
    const plot = FakePlot.instances[0];
    // Sep 7 12:00 to Sep 8 18:00 (the incident, after the last point): 30 hours over the 540 px of the fake's area.
    expect(plot.scales.x).toEqual({ min: 1788782400, max: 1788782400 + 30 * 3600 });
    expect(plot.lines).toEqual([{ color: '#8b5cf6', x: 40 + 108 }, { color: '#f97316', x: 40 + 540 }]);
    const flags = screen.getAllByRole('button');
    expect(flags.map((b) => b.getAttribute('data-kind'))).toEqual(['deploy', 'incident']);
    expect(screen.getByRole('list', { name: 'Execution trend annotations' })).toBeTruthy();
    expect(screen.getAllByRole('tooltip', { hidden: true }).map((t) => t.textContent)).toEqual([
      expect.stringMatching(/Release 4\.2$/), expect.stringMatching(/Provider outage$/)]);
  });
  it('redraws new annotations without a new plot', () => {
    const { rerender } = render(chart());
    expect(FakePlot.instances[0].lines).toEqual([]);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    rerender(chart({ annotations: [{ id: 'c', at: '2026-09-08T00:00:00Z', scope: 'ws_1', kind: 'campaign', text: 'Winter mail' }] }));
    expect(FakePlot.instances).toHaveLength(1);
    expect(FakePlot.instances[0].lines).toEqual([{ color: '#d946ef', x: 40 + 270 }]);
    expect(screen.getByRole('button').getAttribute('data-kind')).toBe('campaign');
  });
});
