import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
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
});
