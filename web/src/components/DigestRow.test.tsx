import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Digest } from '../lib/digests';
import { DigestRow } from './DigestRow';

const daily: Digest = {
  id: 'd1', scope: 'ws_1', cadence: 'daily', weekday: null, localTime: '07:30', timeZone: 'UTC', email: 'dana@example.com',
  nextDueAt: '2026-12-07T07:30:00Z', granted: false,
  lastSend: { dueAt: '2026-12-06T07:30:00Z', status: 'skipped', attempts: 1, reason: "Not sent: your latest token does not grant workspace 'ws_1'.", sentAt: null },
};

describe('DigestRow', () => {
  it('asks a weekday only of a weekly digest, and a daily one has none', () => {
    const onChange = vi.fn();
    render(<DigestRow index={0} digest={daily} stored={daily} scopes={['ws_2']} onChange={onChange} onRemove={() => {}} />);
    expect(screen.queryByLabelText('On')).toBeNull();
    fireEvent.change(screen.getByLabelText('Every'), { target: { value: 'weekly' } });
    expect(onChange).toHaveBeenCalledWith({ ...daily, cadence: 'weekly', weekday: 'monday' });
  });

  it('tells its next time in its own zone, as its local time was set, even while the zone is being edited', () => {
    const paris = { ...daily, timeZone: 'Europe/Paris', nextDueAt: '2026-12-07T06:30:00Z' };
    render(<DigestRow index={0} digest={{ ...paris, timeZone: 'Europe/Par' }} stored={paris} scopes={['ws_1']} onChange={() => {}} onRemove={() => {}} />);
    expect(screen.getByText(/^Next: Dec 7, 2026, 07:30 GMT\+1 · /)).toBeTruthy();
  });

  it('keeps a scope no longer offered selectable and says the digest is not sent', () => {
    render(<DigestRow index={0} digest={daily} stored={daily} scopes={['ws_2']} onChange={() => {}} onRemove={() => {}} />);
    expect((screen.getByLabelText('Scope') as HTMLSelectElement).value).toBe('ws_1');
    expect(screen.getByText(/no longer includes this scope/)).toBeTruthy();
    expect(screen.getByText(/does not grant workspace 'ws_1'/)).toBeTruthy();
  });
});
