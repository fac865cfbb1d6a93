import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReaderZoneContext } from '../hooks/useReaderZone';
import { RelativeTime } from './RelativeTime';

describe('RelativeTime', () => {
  it('says how long ago, with the exact instant on hover', () => {
    render(<RelativeTime iso="2026-01-07T23:50:00Z" now={new Date('2026-01-08T00:00:00Z')} prefix="Resolved " />);
    const time = screen.getByText('Resolved 10 min ago');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('dateTime')).toBe('2026-01-07T23:50:00Z');
    expect(time.getAttribute('title')).toMatch(/^Jan [78], 2026, \d\d:\d\d GMT.* \(2026-01-07T23:50:00Z\)$/);
  });
  it('shows the exact instant in the reader\'s zone, with its offset', () => {
    render(
      <ReaderZoneContext.Provider value="Asia/Kathmandu">
        <RelativeTime iso="2026-01-07T23:50:00Z" now={new Date('2026-01-08T00:00:00Z')} />
      </ReaderZoneContext.Provider>,
    );
    expect(screen.getByText('10 min ago').getAttribute('title')).toBe('Jan 8, 2026, 05:35 GMT+5:45 (2026-01-07T23:50:00Z)');
  });
  it('shows an unreadable instant as it came', () => {
    render(<RelativeTime iso="soon" now={new Date('2026-01-08T00:00:00Z')} />);
    expect(screen.getByText('soon').getAttribute('title')).toBe('soon');
  });
});
