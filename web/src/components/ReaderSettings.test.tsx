import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ReaderSettings } from './ReaderSettings';

describe('ReaderSettings', () => {
  it('shows the setting and reports a changed zone or week start', () => {
    const onChange = vi.fn();
    render(<ReaderSettings setting={{ timeZone: 'Asia/Kolkata', weekStart: 'monday' }} status="idle" onChange={onChange} />);

    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe('Asia/Kolkata');
    fireEvent.change(zone, { target: { value: 'America/New_York' } });
    expect(onChange).toHaveBeenLastCalledWith({ timeZone: 'America/New_York', weekStart: 'monday' });

    fireEvent.change(screen.getByLabelText('Week starts'), { target: { value: 'sunday' } });
    expect(onChange).toHaveBeenLastCalledWith({ timeZone: 'Asia/Kolkata', weekStart: 'sunday' });
    expect(screen.getByRole('group', { name: 'Time zone and week start' })).toBeTruthy();
  });

  it('keeps a zone the browser does not list, and says when a save failed', () => {
    render(<ReaderSettings setting={{ timeZone: 'Asia/Calcutta', weekStart: 'saturday' }} status="error" onChange={() => undefined} />);
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Asia/Calcutta');
    expect((screen.getByLabelText('Week starts') as HTMLSelectElement).value).toBe('saturday');
    expect(screen.getByRole('status').textContent).toBe('Not saved: try again');
  });
});
