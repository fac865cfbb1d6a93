import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakePlot } from '../../test/fakeUplot';
import { UserActivityChart, USER_ACTIVITY_SPEC } from './UserActivityChart';

const points = [{ timestamp: '2026-09-07T12:00:00Z', value: 1460 }];

describe('UserActivityChart', () => {
  it('draws its series in a figure named "User activity" and reads the values formatted', () => {
    render(<UserActivityChart points={points} timeframe="90d" degraded={false} />);
    const figure = screen.getByRole('figure', { name: 'User activity' });
    expect(figure.getAttribute('data-drawn')).toBe('true');
    expect(figure.textContent).toContain('Mon, Sep 7, 2026Active users 1,460');
    expect(FakePlot.instances[0].opts.series.slice(1).map((s) => s.label)).toEqual(USER_ACTIVITY_SPEC.series.map((s) => s.label));
  });
  it('does not draw again when rendered with the same series', () => {
    const { rerender } = render(<UserActivityChart points={points} timeframe="90d" degraded={false} />);
    rerender(<UserActivityChart points={points} timeframe="90d" degraded={false} />);
    expect(FakePlot.instances).toHaveLength(1);
    expect(FakePlot.instances[0].dataSets).toHaveLength(1);
  });
});
