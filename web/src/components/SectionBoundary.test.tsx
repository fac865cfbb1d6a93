import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { SectionBoundary } from './SectionBoundary';

let broken = true;
function Fragile({ name }: { name: string }) {
  if (broken) throw new Error('trends is undefined');
  return <section aria-label={name}>{name} drawn</section>;
}

let logged: MockInstance<typeof console.error>;
beforeEach(() => {
  broken = true;
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

// main.tsx gives the root the same onCaughtError: the boundary's own log is the only one.
const quiet = { onCaughtError: () => undefined };

function Page({ onRetry, keys = ['all', '7d'] }: { onRetry: () => void; keys?: unknown[] }) {
  return (
    <>
      <SectionBoundary label="Trends" resetKeys={keys} onRetry={onRetry}><Fragile name="Trends" /></SectionBoundary>
      <SectionBoundary label="Live activity" resetKeys={keys} onRetry={onRetry}><section aria-label="Live activity">feed</section></SectionBoundary>
    </>
  );
}

describe('SectionBoundary', () => {
  it('shows the failure, its message and a Retry inside a section of the same name; the other sections live', () => {
    render(<Page onRetry={vi.fn()} />, quiet);
    const trends = screen.getByRole('region', { name: 'Trends' });
    const alert = within(trends).getByRole('alert');
    expect(alert.textContent).toMatch(/^This section could not be shown\./);
    expect(within(alert).getByText('trends is undefined').className).toContain('text-xs');
    expect(within(trends).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Live activity' }).textContent).toBe('feed');
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][0]).toBe('The section "Trends" could not be shown:');
    expect(logged.mock.calls[0][1]).toEqual(new Error('trends is undefined'));
  });

  it('Retry asks for the numbers again and draws the section anew once they are in', async () => {
    let answer!: () => void;
    const onRetry = vi.fn(() => new Promise<void>((resolve) => { answer = resolve; }));
    render(<Page onRetry={onRetry} />, quiet);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    // Still broken when the answer comes: the fallback again.
    await act(async () => answer());
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(2);
    // Mended by the new numbers, drawn only once they are in.
    broken = false;
    expect(screen.getByRole('alert')).toBeTruthy();
    await act(async () => answer());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('region', { name: 'Trends' }).textContent).toBe('Trends drawn');
    expect(screen.getByRole('region', { name: 'Live activity' }).textContent).toBe('feed');
  });

  it('starts again when the scope or the timeframe changes', () => {
    const { rerender } = render(<Page onRetry={vi.fn()} />, quiet);
    expect(screen.getByRole('alert')).toBeTruthy();
    broken = false;
    rerender(<Page onRetry={vi.fn()} keys={['all', '7d']} />);
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(<Page onRetry={vi.fn()} keys={['ws_1', '7d']} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('region', { name: 'Trends' }).textContent).toBe('Trends drawn');
  });
});
