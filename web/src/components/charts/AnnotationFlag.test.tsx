import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReaderZoneContext } from '../../hooks/useReaderZone';
import { AnnotationFlag } from './AnnotationFlag';

const incident = { id: 'a1', at: '2026-09-08T09:15:00Z', scope: 'ws_1', kind: 'incident', text: 'Checkout provider outage' };

describe('AnnotationFlag', () => {
  it('is a button named by its kind and time in the reader\'s zone, described by its text, in its kind colour', () => {
    render(
      <ReaderZoneContext.Provider value="Asia/Kolkata">
        <AnnotationFlag annotation={incident} tip={{ left: -40, width: 256 }} />
      </ReaderZoneContext.Provider>,
    );
    const button = screen.getByRole('button', { name: 'Incident, Sep 8, 2026, 14:45 GMT+5:30' });
    expect(button.getAttribute('data-kind')).toBe('incident');
    const tip = document.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toMatch(/^Incident.*Checkout provider outage$/);
    expect((button.firstElementChild as HTMLElement).style.backgroundColor).toBe('rgb(249, 115, 22)');
    expect([tip.style.left, tip.style.width]).toEqual(['-40px', '256px']);
  });
  it('shows its text on hover and on keyboard focus, and hides it on leaving, on blur and with Escape', () => {
    render(<AnnotationFlag annotation={{ ...incident, scope: 'all' }} tip={{ left: -40, width: 256 }} />);
    const button = screen.getByRole('button', { name: /^Incident \(all workspaces\)/ });
    const tip = screen.getByRole('tooltip', { hidden: true });
    expect(tip.hidden).toBe(true);
    fireEvent.mouseEnter(button.parentElement!);
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain('all workspaces');
    fireEvent.mouseLeave(button.parentElement!);
    expect(tip.hidden).toBe(true);
    act(() => button.focus());
    expect(tip.hidden).toBe(false);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(tip.hidden).toBe(true);
    act(() => button.blur());
    act(() => button.focus());
    expect(tip.hidden).toBe(false);
    act(() => button.blur());
    expect(tip.hidden).toBe(true);
  });
});
