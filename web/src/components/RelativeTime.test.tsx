import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RelativeTime } from './RelativeTime';

describe('RelativeTime', () => {
  it('says how long ago, with the exact instant on hover', () => {
    render(<RelativeTime iso="2026-01-07T23:50:00Z" now={new Date('2026-01-08T00:00:00Z')} prefix="Resolved " />);
    const time = screen.getByText('Resolved 10 min ago');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('dateTime')).toBe('2026-01-07T23:50:00Z');
    expect(time.getAttribute('title')).toBe(`${new Date('2026-01-07T23:50:00Z').toLocaleString()} (2026-01-07T23:50:00Z)`);
  });
  it('shows an unreadable instant as it came', () => {
    render(<RelativeTime iso="soon" now={new Date('2026-01-08T00:00:00Z')} />);
    expect(screen.getByText('soon').getAttribute('title')).toBe('soon');
  });
});
