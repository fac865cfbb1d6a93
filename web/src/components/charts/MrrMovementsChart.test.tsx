import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MrrMovementsChart } from './MrrMovementsChart';

const rowsOf = () => within(screen.getByRole('figure', { name: 'MRR movements' })).getAllByRole('listitem').map((li) => li.textContent);

describe('MrrMovementsChart', () => {
  it('lists gains, then losses as negative amounts, then the net that is their sum', () => {
    render(<MrrMovementsChart movements={{ new: 8400, expansion: 3150, contraction: 1200, churned: 2650, reactivation: 600 }} degraded={false} />);
    const section = screen.getByRole('region', { name: 'MRR movements' });
    expect(within(section).getByRole('figure').getAttribute('data-drawn')).toBe('true');
    expect(rowsOf()).toEqual([
      'New+$8,400', 'Expansion+$3,150', 'Reactivation+$600.00', 'Contraction-$1,200', 'Churned-$2,650', 'Net MRR change+$8,300',
    ]);
  });
  it('shows n/a for an unknown movement and for the net', () => {
    render(<MrrMovementsChart movements={{ new: 100, expansion: null, contraction: 0, churned: 0, reactivation: 0 }} degraded={false} />);
    expect(rowsOf()).toEqual(['New+$100.00', 'Expansionn/a', 'Reactivation$0.00', 'Contraction$0.00', 'Churned$0.00', 'Net MRR changen/a']);
  });
  it('shows the notice instead of the numbers when billing did not answer', () => {
    render(<MrrMovementsChart movements={{ new: null, expansion: null, contraction: null, churned: null, reactivation: null }} degraded />);
    expect(screen.getByRole('status').textContent).toMatch(/^MRR movements is unavailable/);
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByRole('figure').getAttribute('data-drawn')).toBe('true');
  });
});
