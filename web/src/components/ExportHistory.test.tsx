import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditPage, AuditRecord, AuditVerification } from '../lib/exportAudit';
import ExportHistory, { SUBJECT_DEBOUNCE_MS } from './ExportHistory';

// The history dialog against a stubbed audit endpoint: what it asks for (the query string), what it shows.

const record = (over: Partial<AuditRecord>): AuditRecord => ({
  id: '0190a1b2-0000-7000-8000-000000000001', at: '2026-01-08T00:00:00Z', subject: 'dev:dana', name: 'Dana', role: 'ceo',
  tokenWorkspaces: ['*'], scope: 'ws_1', timeframe: '30d', asOf: '2026-01-08T00:00:00Z', format: 'pdf', outcome: 'ok',
  status: 200, bytes: 245_760, sha256: 'ab'.repeat(32), durationMs: 812, clientAddress: '10.0.0.7', userAgent: 'Chromium', hash: 'cd'.repeat(32),
  ...over,
});

let requests: string[];
let pages: (url: URL) => AuditPage | Response;
let verification: () => AuditVerification | Response;

const renderHistory = (canVerify = true) => {
  const onClose = vi.fn();
  render(<QueryClientProvider client={new QueryClient()}><ExportHistory token="tok" canVerify={canVerify} onClose={onClose} /></QueryClientProvider>);
  return onClose;
};

const params = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);
const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

beforeEach(() => {
  // Date too, so that "2 min ago" is measured from a known now.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date('2026-01-08T00:05:00Z'));
  requests = [];
  pages = () => ({ items: [], next: null });
  verification = () => ({ records: 0, valid: true, firstInvalidId: null });
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    requests.push(input);
    const url = new URL(input, 'http://x');
    const body = url.pathname === '/api/exports/audit/verify' ? verification() : pages(url);
    return body instanceof Response ? body : new Response(JSON.stringify(body), { status: 200 });
  }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ExportHistory', () => {
  it('lists the records newest first with their columns, and the exact time on hover', async () => {
    pages = () => ({
      items: [
        record({ id: 'r2', at: '2026-01-08T00:03:00Z' }),
        record({ id: 'r1', at: '2026-01-07T21:00:00Z', subject: 'dev:ann', name: 'Ann', scope: 'all', timeframe: '7d', format: 'csv', outcome: 'throttled', status: 429, bytes: null, durationMs: 3 }),
        record({ id: 'r0', at: '2026-01-06T00:00:00Z', subject: null, name: null, scope: 'ws_2', format: null, outcome: 'denied', status: 401, bytes: null, durationMs: 1 }),
      ],
      next: null,
    });
    renderHistory();
    await screen.findByRole('table');
    expect(params(requests[0])).toEqual({ limit: '50' });
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['When', 'Who', 'Scope', 'Timeframe', 'Format', 'Outcome', 'Size', 'Duration']);
    const cells = bodyRows().map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(cells).toEqual([
      ['2 min ago', 'Danadev:dana', 'ws_1', '30d', 'PDF', 'ok', '240.0 KB', '812 ms'],
      ['3 h ago', 'Anndev:ann', 'All workspaces', '7d', 'CSV', 'throttled', '—', '3 ms'],
      ['2 d ago', 'No token', 'ws_2', '30d', '—', 'denied', '—', '1 ms'],
    ]);
    const time = within(bodyRows()[0]).getByText('2 min ago');
    expect(time.getAttribute('dateTime')).toBe('2026-01-08T00:03:00Z');
    expect(time.getAttribute('title')).toContain('(2026-01-08T00:03:00Z)');
    // Colour says the outcome: ok green, denied amber, throttled slate.
    expect(within(bodyRows()[0]).getByText('ok').className).toContain('bg-emerald-100');
    expect(within(bodyRows()[1]).getByText('throttled').className).toContain('bg-slate-200');
    expect(within(bodyRows()[2]).getByText('denied').className).toContain('bg-amber-100');
    expect(within(bodyRows()[2]).getByText('denied').getAttribute('title')).toBe('HTTP 401');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('filters by outcome and, once typing pauses, by subject', async () => {
    pages = (url) => ({ items: [record({ id: `${url.searchParams.get('outcome')}-${url.searchParams.get('subject')}`, outcome: url.searchParams.get('outcome') ?? 'ok' })], next: null });
    renderHistory();
    await screen.findByRole('table');

    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'failed' } });
    await waitFor(() => expect(params(requests.at(-1)!)).toEqual({ limit: '50', outcome: 'failed' }));
    await waitFor(() => expect(within(bodyRows()[0]).getByText('failed').className).toContain('bg-red-100'));

    const before = requests.length;
    fireEvent.change(screen.getByRole('searchbox', { name: 'Subject' }), { target: { value: ' dev:da' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Subject' }), { target: { value: ' dev:dana ' } });
    expect(requests).toHaveLength(before);
    await act(() => vi.advanceTimersByTimeAsync(SUBJECT_DEBOUNCE_MS));
    await waitFor(() => expect(requests).toHaveLength(before + 1));
    expect(params(requests.at(-1)!)).toEqual({ limit: '50', outcome: 'failed', subject: 'dev:dana' });
  });

  it('says when no record matches the filters', async () => {
    renderHistory();
    expect(await screen.findByText('No exports yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'invalid' } });
    expect(await screen.findByText('No exports match these filters.')).toBeTruthy();
  });

  it('loads the next page with the cursor while there is one', async () => {
    pages = (url) => url.searchParams.get('cursor') === 'c2'
      ? { items: [record({ id: 'r1' }), record({ id: 'r0' })], next: null }
      : { items: [record({ id: 'r3' }), record({ id: 'r2' })], next: 'c2' };
    renderHistory();
    await screen.findByRole('table');
    expect(bodyRows()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect(params(requests.at(-1)!)).toEqual({ limit: '50', cursor: 'c2' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows an error with a retry', async () => {
    let fail = true;
    pages = () => (fail ? new Response('{}', { status: 503 }) : { items: [record({})], next: null });
    renderHistory();
    expect((await screen.findByRole('alert')).textContent).toContain('The export history could not be read (503)');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('table');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('verifies the chain: intact', async () => {
    verification = () => ({ records: 1234, valid: true, firstInvalidId: null });
    renderHistory();
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByText(/Chain intact/)).textContent).toBe('✓ Chain intact: 1234 records');
    expect(requests).toContain('/api/exports/audit/verify');
  });

  it('verifies the chain: names the altered record', async () => {
    verification = () => ({ records: 1234, valid: false, firstInvalidId: '0190a1b2-0000-7000-8000-00000000002a' });
    renderHistory();
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('✕ Record 0190a1b2-0000-7000-8000-00000000002a was altered'));
  });

  it('offers verification only to a token for every workspace', async () => {
    renderHistory(false);
    await screen.findByText('No exports yet.');
    expect(screen.queryByRole('button', { name: 'Verify chain' })).toBeNull();
  });

  it('is a modal: focus starts on its title, keys stay inside, Tab cycles, Escape and Close leave', async () => {
    const onClose = renderHistory();
    const dialog = screen.getByRole('dialog', { name: 'Export history' });
    const shortcut = vi.fn();
    window.addEventListener('keydown', shortcut);
    fireEvent.keyDown(dialog, { key: '1' });
    window.removeEventListener('keydown', shortcut);
    expect(shortcut).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Export history' }));
    await screen.findByText('No exports yet.');
    const verify = screen.getByRole('button', { name: 'Verify chain' });
    verify.focus();
    fireEvent.keyDown(verify, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(verify);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
