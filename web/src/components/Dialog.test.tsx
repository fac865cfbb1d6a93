import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from './Dialog';

const renderDialog = () => {
  const onClose = vi.fn();
  render(
    <Dialog title="Alert rules" onClose={onClose}>
      <input aria-label="minRuns" />
      <button type="button" disabled>Off</button>
      <button type="button">Save</button>
    </Dialog>,
  );
  return { onClose, dialog: screen.getByRole('dialog', { name: 'Alert rules' }) };
};

describe('Dialog', () => {
  it('is a modal named by its title, focused on it when it opens', () => {
    const { dialog } = renderDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Alert rules' }));
  });

  it('keeps Tab within: from the last control to the first (Close), and Shift+Tab back', () => {
    const { dialog } = renderDialog();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const save = within(dialog).getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.keyDown(save, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
    // From the title, where focus starts, Shift+Tab goes round too.
    within(dialog).getByRole('heading').focus();
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });

  it('keeps its keys from the page, and closes on Escape, Close and the backdrop', () => {
    const { dialog, onClose } = renderDialog();
    const shortcut = vi.fn();
    window.addEventListener('keydown', shortcut);
    fireEvent.keyDown(dialog, { key: 'r' });
    window.removeEventListener('keydown', shortcut);
    expect(shortcut).not.toHaveBeenCalled();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    fireEvent.mouseDown(dialog);
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.mouseDown(dialog.parentElement!);
    expect(onClose).toHaveBeenCalledTimes(3);
  });
});
