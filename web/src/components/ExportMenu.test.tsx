import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu, type ExportMenuProps } from './ExportMenu';

// The menu against a stubbed fetch: the request it makes, the file it saves (the temporary link's click is
// caught), what it shows while the server works and when it refuses.

const PDF_NAME = 'executive-dashboard_ws_1_30d_20260108T000000Z.pdf';

interface Call { url: string; authorization: string | undefined }
let calls: Call[];
let answer: () => Promise<Response>;
let saved: { href: string; download: string }[];

const props = (over: Partial<ExportMenuProps> = {}): ExportMenuProps => ({
  token: 'tok', scope: 'ws_1', timeframe: '30d', asOf: '2026-01-08T00:00:00.734Z', cards: ['mrr', 'dau', 'churn'],
  canReadAudit: false, canVerifyAudit: false, ...over,
});

const renderMenu = (over: Partial<ExportMenuProps> = {}) =>
  render(<QueryClientProvider client={new QueryClient()}><ExportMenu {...props(over)} /></QueryClientProvider>);

const exportButton = () => screen.getByRole('button', { name: /Export/ });

function choose(label: 'PDF' | 'CSV') {
  fireEvent.click(exportButton());
  fireEvent.click(screen.getByRole('menuitem', { name: new RegExp(`^${label}`) }));
}

const problem = (status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ title: 'Refused', status }), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  calls = [];
  saved = [];
  answer = async () => new Response('%PDF-1.7', {
    status: 200,
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${PDF_NAME}"` },
  });
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    calls.push({ url: input, authorization: (init?.headers as Record<string, string> | undefined)?.Authorization });
    return answer();
  }));
  URL.createObjectURL = vi.fn(() => 'blob:http://localhost/file-1');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ExportMenu', () => {
  it('asks for the scope, timeframe, asOf to the second and card order on screen, and saves under the server\'s filename', async () => {
    renderMenu();
    choose('PDF');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls).toEqual([{
      url: '/api/exports/dashboard?workspace_id=ws_1&timeframe=30d&format=pdf&asOf=2026-01-08T00%3A00%3A00Z&cards=mrr%2Cdau%2Cchurn',
      authorization: 'Bearer tok',
    }]);
    expect(saved[0]).toEqual({ href: 'blob:http://localhost/file-1', download: PDF_NAME });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Saved ${PDF_NAME}`));
    // The link is gone and its URL is given back once the download has it.
    expect(document.querySelector('a[download]')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/file-1');
  });

  it('asks for a CSV of the platform scope the same way', async () => {
    answer = async () => new Response('\uFEFFsection,item\r\n', {
      status: 200, headers: { 'Content-Disposition': 'attachment; filename="executive-dashboard_all_7d_20260108T000000Z.csv"' },
    });
    renderMenu({ scope: 'all', timeframe: '7d', asOf: '2026-01-08T00:00:00Z', cards: [] });
    choose('CSV');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls[0].url).toBe('/api/exports/dashboard?workspace_id=all&timeframe=7d&format=csv&asOf=2026-01-08T00%3A00%3A00Z');
    expect(saved[0].download).toBe('executive-dashboard_all_7d_20260108T000000Z.csv');
  });

  it('shows a spinner and stays busy, menu closed, until the file has come', async () => {
    let release!: (r: Response) => void;
    answer = () => new Promise((resolve) => { release = resolve; });
    renderMenu();
    choose('PDF');
    const button = exportButton();
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.querySelector('svg.animate-spin')).not.toBeNull();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(screen.getByRole('status').textContent).toBe('Preparing the PDF…');
    // A second click while busy starts nothing.
    fireEvent.click(button);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(calls).toHaveLength(1);

    release(new Response('x', { status: 200, headers: { 'Content-Disposition': `attachment; filename="${PDF_NAME}"` } }));
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('false'));
    expect(button.getAttribute('aria-disabled')).toBe('false');
    expect(button.querySelector('svg.animate-spin')).toBeNull();
    expect(saved).toHaveLength(1);
  });

  it.each([
    [() => problem(401), 'Your session has expired: sign in again'],
    [() => problem(403), 'You may not export this scope'],
    [() => problem(429, { 'Retry-After': '17' }), 'Too many exports: try again in 17 s'],
    [() => problem(500), 'The export failed: try again in a moment'],
    [() => problem(503), 'The export failed: try again in a moment'],
    [() => Promise.reject(new TypeError('Failed to fetch')), 'The export failed: try again in a moment'],
  ] as [() => Promise<Response> | Response, string][])('says what went wrong, and can be dismissed (%#)', async (respond, message) => {
    answer = async () => respond();
    renderMenu();
    choose('PDF');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(saved).toHaveLength(0);
    expect(exportButton().getAttribute('aria-busy')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(exportButton());
  });

  it('clears an earlier message when a new export starts', async () => {
    answer = async () => problem(403);
    renderMenu();
    choose('PDF');
    await screen.findByRole('alert');
    answer = async () => new Response('x', { status: 200, headers: { 'Content-Disposition': `attachment; filename="${PDF_NAME}"` } });
    choose('PDF');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('follows the WAI-ARIA menu button pattern from the keyboard', async () => {
    renderMenu({ canReadAudit: true });
    const button = exportButton();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');

    for (const key of ['Enter', ' ', 'ArrowDown']) {
      button.focus();
      fireEvent.keyDown(button, { key });
      expect(button.getAttribute('aria-expanded')).toBe('true');
      expect(screen.getByRole('menu').getAttribute('aria-labelledby')).toBe(button.id);
      await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^PDF/));
      fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
      expect(screen.queryByRole('menu')).toBeNull();
      expect(document.activeElement).toBe(button);
    }

    // ArrowUp opens on the last item; arrows wrap; Home and End jump.
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Export history…'));
    const focused = () => document.activeElement!.textContent;
    const press = async (key: string, expected: RegExp) => {
      fireEvent.keyDown(document.activeElement!, { key });
      await waitFor(() => expect(focused()).toMatch(expected));
    };
    await press('ArrowDown', /^PDF/);
    await press('ArrowDown', /^CSV/);
    await press('ArrowUp', /^PDF/);
    await press('ArrowUp', /^Export history/);
    await press('Home', /^PDF/);
    await press('End', /^Export history/);
    await press('ArrowUp', /^CSV/);

    // Enter chooses the focused item, closes the menu and gives focus back to the button.
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls[0].url).toContain('format=csv');
  });

  it('closes when the pointer goes down outside it', () => {
    renderMenu();
    fireEvent.click(exportButton());
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('offers the export history only to those who may read the audit', async () => {
    const { unmount } = renderMenu({ canReadAudit: false });
    fireEvent.click(exportButton());
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['PDFto read and share', 'CSVfor spreadsheets']);
    unmount();

    answer = async () => new Response(JSON.stringify({ items: [], next: null }), { status: 200 });
    renderMenu({ canReadAudit: true });
    fireEvent.click(exportButton());
    fireEvent.click(screen.getByRole('menuitem', { name: 'Export history…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export history' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(await screen.findByText('No exports yet.')).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(exportButton());
  });

  it('waits for numbers on screen before it offers a file of them', () => {
    renderMenu({ asOf: undefined });
    const button = exportButton();
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(calls).toHaveLength(0);
  });
});
