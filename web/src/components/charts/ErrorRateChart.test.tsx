import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakePlot } from '../../test/fakeUplot';
import { ErrorRateChart, ERROR_RATE_SPEC } from './ErrorRateChart';

const points = [{ timestamp: '2026-09-07T12:00:00Z', value: 2.456 }];

describe('ErrorRateChart', () => {
  it('draws its series in a figure named "Error rate" and reads the values formatted', () => {
    render(<ErrorRateChart points={points} timeframe="90d" degraded={false} />);
    const figure = screen.getByRole('figure', { name: 'Error rate' });
    expect(figure.getAttribute('data-drawn')).toBe('true');
    expect(figure.textContent).toContain('Mon, Sep 7, 2026Error rate 2.5%');
    expect(FakePlot.instances[0].opts.series.slice(1).map((s) => s.label)).toEqual(ERROR_RATE_SPEC.series.map((s) => s.label));
  });
  it('does not draw again when rendered with the same series', () => {
    const { rerender } = render(<ErrorRateChart points={points} timeframe="90d" degraded={false} />);
    rerender(<ErrorRateChart points={points} timeframe="90d" degraded={false} />);
    expect(FakePlot.instances).toHaveLength(1);
    expect(FakePlot.instances[0].dataSets).toHaveLength(1);
  });
});
