import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakePlot } from '../../test/fakeUplot';
import { ExecutionTrendChart, EXECUTION_SPEC } from './ExecutionTrendChart';

const points = [{ timestamp: '2026-09-07T12:00:00Z', value: 12345, successful: 12000, failed: 345 }];

describe('ExecutionTrendChart', () => {
  it('draws its series in a figure named "Execution trend" and reads the values formatted', () => {
    render(<ExecutionTrendChart points={points} timeframe="90d" degraded={false} />);
    const figure = screen.getByRole('figure', { name: 'Execution trend' });
    expect(figure.getAttribute('data-drawn')).toBe('true');
    expect(figure.textContent).toContain('Mon, Sep 7, 2026Total 12,345Successful 12,000Failed 345');
    expect(FakePlot.instances[0].opts.series.slice(1).map((s) => s.label)).toEqual(EXECUTION_SPEC.series.map((s) => s.label));
  });
  it('does not draw again when rendered with the same series', () => {
    const { rerender } = render(<ExecutionTrendChart points={points} timeframe="90d" degraded={false} />);
    rerender(<ExecutionTrendChart points={points} timeframe="90d" degraded={false} />);
    expect(FakePlot.instances).toHaveLength(1);
    expect(FakePlot.instances[0].dataSets).toHaveLength(1);
  });
});
