import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { metricInfo } from '../test/fixture';
import { MetricCard } from './MetricCard';

describe('MetricCard', () => {
  it('shows the formatted value, a green up arrow for a good rise, and the definition as tooltip', () => {
    render(<MetricCard title="MRR" value={48250} change={3.1} info={metricInfo.mrr} />);
    const card = screen.getByRole('article', { name: 'MRR' });
    expect(within(card).getByTestId('metric-value').textContent).toBe('$48,250');
    const change = within(card).getByLabelText(/up \+3\.1% vs the previous period \(better\)/);
    expect(change.dataset.tone).toBe('good');
    expect(change.className).toMatch(/emerald/);
    expect(change.textContent).toBe('▲+3.1%');
    const button = within(card).getByRole('button', { name: 'About MRR' });
    const tip = screen.getByRole('tooltip', { hidden: true });
    expect(button.getAttribute('aria-describedby')).toBe(tip.id);
    expect(tip.textContent).toBe(metricInfo.mrr.description);
  });

  it('colours a rise red when lower is better', () => {
    const info = { ...metricInfo.churnRate, changeUnit: 'pp' as const };
    render(<MetricCard title="Churn rate" value={2.5} change={0.8} info={info} />);
    const change = screen.getByLabelText(/^up \+0\.8 pp/);
    expect(change.dataset.tone).toBe('bad');
    expect(change.className).toMatch(/red/);
  });

  it('writes rate changes in percentage points', () => {
    render(<MetricCard title="Success rate" value={97.2} change={-1.25} info={metricInfo.successRate} />);
    expect(screen.getByTestId('metric-value').textContent).toBe('97.2%');
    expect(screen.getByLabelText(/^down/).textContent).toBe('▼-1.3 pp');
  });

  it('writes n/a for a null value and a null change, in neutral grey without an arrow', () => {
    render(<MetricCard title="Credits used" value={null} change={null} info={metricInfo.totalCreditsUsed} />);
    expect(screen.getByTestId('metric-value').textContent).toBe('n/a');
    const change = screen.getByLabelText('change not available');
    expect(change.textContent).toBe('n/a');
    expect(change.dataset.tone).toBe('neutral');
  });

  it('shows no change at all for a metric without one in the contract', () => {
    render(<MetricCard title="p95 runtime" value={12.8} change={5} info={metricInfo.p95Runtime} />);
    expect(screen.queryByLabelText(/previous period|not available/)).toBeNull();
    expect(screen.getByTestId('metric-value').textContent).toBe('12.8 s');
  });

  it('loading, shows its title and placeholders, busy, with no number and no article yet', () => {
    const { container } = render(<MetricCard title="MRR" loading />);
    const card = container.firstElementChild as HTMLElement;
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(card.textContent).toBe('MRR');
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByTestId('metric-value')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('with its numbers, is not busy', () => {
    render(<MetricCard title="MRR" value={1} info={metricInfo.mrr} />);
    expect(screen.getByRole('article', { name: 'MRR' }).getAttribute('aria-busy')).toBeNull();
  });

  it('marks a degraded card instead of showing numbers', () => {
    render(<MetricCard title="MRR" value={null} change={null} info={metricInfo.mrr} degraded />);
    expect(screen.getByText('Temporarily unavailable')).toBeTruthy();
  });
});
