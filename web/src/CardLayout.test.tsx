import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, createQueryClient } from './App';
import { SAVE_DELAY_MS } from './hooks/useCardLayout';
import type { CardSetting } from './lib/layout';
import { overview } from './test/fixture';

// Card customisation wired end to end against a fake gateway: the overview, and the users service's
// /api/users/me/layout keeping one person's layout. The clock is fake, so the debounced save is reached by
// advancing it rather than by waiting; it still moves along on its own (shouldAdvanceTime) for React Query's and
// Testing Library's own timers.

const b64url = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
const TOKEN = `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'dev:ann', name: 'Ann', role: 'ceo', workspaces: '*', exp: 4_000_000_000 })}.sig`;
const DEFAULT_TITLES = ['Daily active users', 'Total executions', 'Success rate', 'Credits used', 'Active workspaces', 'MRR', 'Churn rate', 'LTV : CAC', 'p95 runtime', 'New users', 'Active agents'];
const DEFAULT_IDS = ['dau', 'totalRuns', 'successRate', 'credits', 'activeWorkspaces', 'mrr', 'churn', 'ltvCac', 'p95Runtime', 'newUsers', 'agents'];
// The nine cards a layout saved before the new-users and agents cards existed could name.
const NINE_IDS = DEFAULT_IDS.slice(0, 9);

class QuietWebSocket {
  readyState = 0;
  onopen = null; onmessage = null; onclose = null; onerror = null;
  send() { /* not opened in these tests */ }
  close() { this.readyState = 3; }
}

interface Request { method: string; body: unknown; authorization: string | undefined }

let stored: CardSetting[] | null;
let layoutRequests: Request[];
let layoutAnswer: (() => Promise<Response>) | null;
let failPuts: number;

const puts = () => layoutRequests.filter((r) => r.method === 'PUT');
const titles = () => within(screen.getByRole('region', { name: 'Key metrics' })).getAllByRole('article').map((a) => a.getAttribute('aria-label'));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  stored = null;
  layoutRequests = [];
  layoutAnswer = null;
  failPuts = 0;
  sessionStorage.setItem('executive-dashboard.session', JSON.stringify({
    token: TOKEN, request: { role: 'ceo', workspaces: '*', name: 'Ann' }, name: 'Ann', role: 'ceo', workspaces: ['*'], expiresAt: null,
  }));
  window.history.replaceState(null, '', '/');
  vi.stubGlobal('WebSocket', QuietWebSocket);
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    if (input.startsWith('/api/executive/overview')) return new Response(JSON.stringify(overview()), { status: 200 });
    if (input === '/api/users/me/layout') {
      const method = init?.method ?? 'GET';
      const authorization = (init?.headers as Record<string, string> | undefined)?.Authorization;
      layoutRequests.push({ method, body: init?.body ? JSON.parse(init.body as string) : undefined, authorization });
      if (method === 'GET') {
        if (layoutAnswer) return layoutAnswer();
        return stored ? new Response(JSON.stringify({ cards: stored, updatedAt: '2026-01-08T00:00:00Z' }), { status: 200 }) : new Response(null, { status: 204 });
      }
      if (method === 'PUT') {
        if (failPuts-- > 0) return new Response(JSON.stringify({ title: 'Unavailable' }), { status: 503 });
        stored = (JSON.parse(init!.body as string) as { cards: CardSetting[] }).cards;
        return new Response(JSON.stringify({ cards: stored, updatedAt: '2026-01-08T00:00:01Z' }), { status: 200 });
      }
      if (method === 'DELETE') { stored = null; return new Response(null, { status: 204 }); }
    }
    return new Response('{}', { status: 404 });
  }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

async function openDashboard() {
  render(<App queryClient={createQueryClient()} />);
  await screen.findByRole('region', { name: 'Key metrics' });
}

async function openCustomizer() {
  fireEvent.click(screen.getByRole('button', { name: 'Customize' }));
  return screen.findByRole('region', { name: 'Customize cards' });
}

describe('card customisation', () => {
  it('hiding a card removes it from the grid and PUTs the layout to the server', async () => {
    await openDashboard();
    const panel = await openCustomizer();

    fireEvent.click(within(panel).getByRole('checkbox', { name: 'MRR' }));

    expect(titles()).toEqual(DEFAULT_TITLES.filter((t) => t !== 'MRR'));
    expect(puts()).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(SAVE_DELAY_MS));
    expect(puts()).toHaveLength(1);
    expect(puts()[0]).toEqual({
      method: 'PUT',
      authorization: `Bearer ${TOKEN}`,
      body: { cards: DEFAULT_IDS.map((id) => ({ id, visible: id !== 'mrr' })) },
    });
    expect(within(panel).getByRole('status').textContent).toMatch(/Saved/);

    fireEvent.click(within(panel).getByRole('checkbox', { name: 'MRR' }));
    expect(titles()).toEqual(DEFAULT_TITLES);
  });

  it('reordering changes the order of the cards, keeps focus on the button, and Done saves at once', async () => {
    await openDashboard();
    const panel = await openCustomizer();

    const up = within(panel).getByRole('button', { name: 'Move MRR up' });
    up.focus();
    fireEvent.click(up);
    fireEvent.click(within(panel).getByRole('button', { name: 'Move MRR up' }));

    expect(titles()).toEqual(['Daily active users', 'Total executions', 'Success rate', 'MRR', 'Credits used', 'Active workspaces', 'Churn rate', 'LTV : CAC', 'p95 runtime', 'New users', 'Active agents']);
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Move MRR up' }));
    expect(within(panel).getAllByRole('checkbox').map((c) => c.closest('li')!.textContent)).toContain('4.MRR↑↓');

    // Moving a card down moves its own row's node, which blurs it; React restores the focus after the commit.
    const down = within(panel).getByRole('button', { name: 'Move Daily active users down' });
    down.focus();
    fireEvent.click(down);
    expect(titles().slice(0, 2)).toEqual(['Total executions', 'Daily active users']);
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Move Daily active users down' }));
    expect(puts()).toHaveLength(0); // debounced: three moves, one save

    fireEvent.click(within(panel).getByRole('button', { name: 'Done' }));
    // Only microtasks have run since the click, so no timer (the debounced save among them) can have fired.
    await Promise.resolve();
    expect(puts()).toHaveLength(1);
    expect((puts()[0].body as { cards: CardSetting[] }).cards.map((c) => c.id))
      .toEqual(['totalRuns', 'dau', 'successRate', 'mrr', 'credits', 'activeWorkspaces', 'churn', 'ltvCac', 'p95Runtime', 'newUsers', 'agents']);
    expect(screen.queryByRole('region', { name: 'Customize cards' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Customize' }));
  });

  it('the first and last cards cannot move past the ends', async () => {
    await openDashboard();
    const panel = await openCustomizer();
    const first = within(panel).getByRole('button', { name: 'Move Daily active users up' });
    expect(first.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(first);
    fireEvent.click(within(panel).getByRole('button', { name: 'Move Active agents down' }));
    expect(titles()).toEqual(DEFAULT_TITLES);
  });

  it('applies a stored layout on load, after first showing the default order', async () => {
    stored = [{ id: 'mrr', visible: true }, { id: 'dau', visible: false }, { id: 'churn', visible: true }];
    let answer!: () => void;
    layoutAnswer = () => new Promise((resolve) => {
      answer = () => resolve(new Response(JSON.stringify({ cards: stored, updatedAt: '2026-01-08T00:00:00Z' }), { status: 200 }));
    });
    await openDashboard();

    // The overview is not held back by the layout.
    expect(titles()).toEqual(DEFAULT_TITLES);
    await waitFor(() => expect(answer).toBeDefined());
    await act(async () => answer());

    await waitFor(() => expect(titles()).toEqual(['MRR', 'Churn rate', 'Total executions', 'Success rate', 'Credits used', 'Active workspaces', 'LTV : CAC', 'p95 runtime', 'New users', 'Active agents']));
    expect(layoutRequests[0]).toMatchObject({ method: 'GET', authorization: `Bearer ${TOKEN}` });
  });

  it('ignores ids it does not know, appends cards the layout lacks, and keeps the unknown ids when saving', async () => {
    stored = [{ id: 'aNewerCard', visible: true }, { id: 'mrr', visible: true }, { id: 'dau', visible: false }, { id: 'churn', visible: true }];
    await openDashboard();
    await waitFor(() => expect(titles()[0]).toBe('MRR'));
    expect(titles()).toEqual(['MRR', 'Churn rate', 'Total executions', 'Success rate', 'Credits used', 'Active workspaces', 'LTV : CAC', 'p95 runtime', 'New users', 'Active agents']);

    const panel = await openCustomizer();
    expect(within(panel).queryByText(/aNewerCard/)).toBeNull();
    expect(within(panel).getByRole('checkbox', { name: 'Daily active users' })).toHaveProperty('checked', false);
    fireEvent.click(within(panel).getByRole('button', { name: 'Move MRR down' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Done' }));

    await waitFor(() => expect(puts()).toHaveLength(1));
    expect((puts()[0].body as { cards: CardSetting[] }).cards).toEqual([
      { id: 'aNewerCard', visible: true }, { id: 'dau', visible: false }, { id: 'mrr', visible: true }, { id: 'churn', visible: true },
      ...['totalRuns', 'successRate', 'credits', 'activeWorkspaces', 'ltvCac', 'p95Runtime', 'newUsers', 'agents'].map((id) => ({ id, visible: true })),
    ]);
  });

  it('shows the cards added since a nine-card layout was saved at its end', async () => {
    stored = [...NINE_IDS].reverse().map((id) => ({ id, visible: id !== 'churn' }));
    await openDashboard();
    await waitFor(() => expect(titles()[0]).toBe('p95 runtime'));
    expect(titles()).toEqual(['p95 runtime', 'LTV : CAC', 'MRR', 'Active workspaces', 'Credits used', 'Success rate', 'Total executions', 'Daily active users', 'New users', 'Active agents']);
  });

  it('reset restores the default order with every card shown and forgets the stored layout', async () => {
    stored = [{ id: 'p95Runtime', visible: true }, { id: 'dau', visible: false }];
    await openDashboard();
    await waitFor(() => expect(titles()[0]).toBe('p95 runtime'));

    const panel = await openCustomizer();
    fireEvent.click(within(panel).getByRole('button', { name: 'Reset to default' }));

    expect(titles()).toEqual(DEFAULT_TITLES);
    await waitFor(() => expect(layoutRequests.map((r) => r.method)).toEqual(['GET', 'DELETE']));
    expect(stored).toBeNull();
  });

  it('says when a save failed and sends it again on request', async () => {
    failPuts = 1;
    await openDashboard();
    const panel = await openCustomizer();
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Churn rate' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Customize' }));

    const reopened = await screen.findByRole('region', { name: 'Customize cards' });
    await waitFor(() => expect(within(reopened).getByRole('status').textContent).toMatch(/Could not save/));
    fireEvent.click(within(reopened).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(reopened).getByRole('status').textContent).toMatch(/Saved/));
    expect(stored?.find((c) => c.id === 'churn')).toEqual({ id: 'churn', visible: false });
  });

  it('hiding every card leaves a hint instead of an empty grid; Escape closes the panel', async () => {
    await openDashboard();
    const panel = await openCustomizer();
    for (const box of within(panel).getAllByRole('checkbox')) fireEvent.click(box);
    expect(screen.getByText(/All metric cards are hidden/)).toBeTruthy();

    fireEvent.keyDown(within(panel).getAllByRole('checkbox')[0], { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Customize cards' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Customize' }).getAttribute('aria-expanded')).toBe('false');
  });
});
