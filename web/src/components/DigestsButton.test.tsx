import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { weeklyDigest } from '../test/digests';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test/alerts';
import { DigestsButton } from './DigestsButton';

beforeEach(() => vi.stubGlobal('fetch', vi.fn(async () => json({ digests: [] }))));
afterEach(() => vi.unstubAllGlobals());

describe('DigestsButton', () => {
  it('opens the digests dialog on demand and gives focus back when it closes', async () => {
    render(<QueryClientProvider client={new QueryClient()}><DigestsButton token="tok" scopes={['ws_1']} scope="ws_1" /></QueryClientProvider>);
    const button = screen.getByRole('button', { name: 'Digests' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Digests by e-mail' });
    await screen.findByText('No digest yet.');
    fireEvent.keyDown(dialog, { key: 'Escape' });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('reads the digests when the page loads, which confirms the access they are sent with, and shows how many', async () => {
    const fetch = vi.fn(async () => json({ digests: [weeklyDigest, { ...weeklyDigest, id: 'd2' }] }));
    vi.stubGlobal('fetch', fetch);
    render(<QueryClientProvider client={new QueryClient()}><DigestsButton token="tok" scopes={['ws_1']} scope="ws_1" /></QueryClientProvider>);
    expect(await screen.findByRole('button', { name: 'Digests (2)' })).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith('/api/users/me/digests', expect.anything());
  });
});
