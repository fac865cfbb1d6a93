import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakePlot } from '../../test/fakeUplot';
import { RevenueChart, REVENUE_SPEC } from './RevenueChart';

const points = [{ timestamp: '2026-09-07T12:00:00Z', value: 48250 }];

describe('RevenueChart', () => {
  it('draws its series in a figure named "Revenue (MRR)" and reads the values formatted', () => {
    render(<RevenueChart points={points} timeframe="90d" degraded={false} />);
    const figure = screen.getByRole('figure', { name: 'Revenue (MRR)' });
    expect(figure.getAttribute('data-drawn')).toBe('true');
    expect(figure.textContent).toContain('Mon, Sep 7, 2026MRR $48,250');
    expect(FakePlot.instances[0].opts.series.slice(1).map((s) => s.label)).toEqual(REVENUE_SPEC.series.map((s) => s.label));
  });
  it('does not draw again when rendered with the same series', () => {
    const { rerender } = render(<RevenueChart points={points} timeframe="90d" degraded={false} />);
    rerender(<RevenueChart points={points} timeframe="90d" degraded={false} />);
    expect(FakePlot.instances).toHaveLength(1);
    expect(FakePlot.instances[0].dataSets).toHaveLength(1);
  });
});
