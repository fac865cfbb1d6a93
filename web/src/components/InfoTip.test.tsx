import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InfoTip } from './InfoTip';

const tip = () => screen.getByRole('tooltip', { hidden: true });

describe('InfoTip', () => {
  it('describes its button by the tooltip, hidden until asked', () => {
    render(<InfoTip title="MRR" text="Monthly value of paid subscriptions." />);
    const button = screen.getByRole('button', { name: 'About MRR' });
    expect(button.getAttribute('aria-describedby')).toBe(tip().id);
    expect(tip().textContent).toBe('Monthly value of paid subscriptions.');
    expect(tip().hidden).toBe(true);
    // Readable: 14 px text, white on near-black (dark: the reverse).
    expect(tip().className).toContain('text-sm');
  });

  it('opens on keyboard focus, closes with Escape and on blur', () => {
    render(<InfoTip title="MRR" text="Monthly value." />);
    const button = screen.getByRole('button', { name: 'About MRR' });
    fireEvent.focus(button);
    expect(screen.getByRole('tooltip').hidden).toBe(false);
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(tip().hidden).toBe(true);
    fireEvent.focus(button);
    expect(tip().hidden).toBe(false);
    fireEvent.blur(button);
    expect(tip().hidden).toBe(true);
  });

  it('opens on hover, stays open over the tooltip itself, and Escape closes it wherever the focus is', () => {
    render(<InfoTip title="MRR" text="Monthly value." />);
    const wrapper = screen.getByRole('button', { name: 'About MRR' }).parentElement!;
    fireEvent.mouseEnter(wrapper);
    expect(tip().hidden).toBe(false);
    fireEvent.mouseOver(tip());
    expect(tip().hidden).toBe(false);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(tip().hidden).toBe(true);
    fireEvent.mouseLeave(wrapper);
    fireEvent.mouseEnter(wrapper);
    expect(tip().hidden).toBe(false);
    fireEvent.mouseLeave(wrapper);
    expect(tip().hidden).toBe(true);
  });
});
