import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnnotationMarkers } from './AnnotationMarkers';

const at = (s: number) => new Date(s * 1000).toISOString();
const note = (id: string, seconds: number, kind = 'deploy') => ({ id, at: at(seconds), scope: 'ws_1', kind, text: `text ${id}` });
const area = { left: 40, top: 10, width: 400, height: 200, outer: 460, min: 1000, max: 2000 };

describe('AnnotationMarkers', () => {
  it('puts a flag over each annotation of the range at its x, and leaves out the others', () => {
    render(<AnnotationMarkers chart="Error rate" annotations={[note('late', 2001), note('mid', 1500), note('start', 1000), note('early', 999)]} area={area} />);
    const list = screen.getByRole('list', { name: 'Error rate annotations' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    // left = area.left + offset − 12 (the flag's half width); top 12 above the area, not above the plot.
    expect([items[0].style.left, items[0].style.top]).toEqual(['28px', '0px']);
    expect(items[1].style.left).toBe('228px');
    expect(within(list).getAllByRole('button')).toHaveLength(2);
  });
  it('shows nothing before the first draw or when none falls in the range', () => {
    const { container, rerender } = render(<AnnotationMarkers chart="Error rate" annotations={[note('mid', 1500)]} area={null} />);
    expect(container.innerHTML).toBe('');
    rerender(<AnnotationMarkers chart="Error rate" annotations={[note('late', 2500)]} area={area} />);
    expect(container.innerHTML).toBe('');
  });
  it('keeps each tooltip within the chart, placed from its flag', () => {
    render(<AnnotationMarkers chart="Error rate" annotations={[note('left', 1100), note('right', 1900)]} area={area} />);
    const [left, right] = screen.getAllByRole('tooltip', { hidden: true });
    // Flags centred at 80 and 400 px (their li at 68 and 388); the tooltips at 0 and 460 − 256 = 204 px of the chart.
    expect([left.style.left, left.style.width]).toEqual(['-68px', '256px']);
    expect([right.style.left, right.style.width]).toEqual(['-184px', '256px']);
  });
});
