import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeFindings } from '../test/axe';
import { json, problem } from '../test/alerts';
import { weeklyDigest } from '../test/digests';
import { digestsKey } from '../lib/digests';
import DigestsDialog from './DigestsDialog';

let requests: { method: string; url: string; body?: unknown }[];
let answers: (() => Response)[];

beforeEach(() => {
  requests = [];
  answers = [() => json({ digests: [weeklyDigest] })];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    requests.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(init.body as string) : undefined });
    return (answers.length > 1 ? answers.shift()! : answers[0])();
  }));
});
afterEach(() => vi.unstubAllGlobals());

const renderDialog = () => {
  const onClose = vi.fn();
  render(<QueryClientProvider client={new QueryClient()}><DigestsDialog token="tok" scopes={['all', 'ws_1', 'ws_2']} scope="ws_2" onClose={onClose} /></QueryClientProvider>);
  return { onClose, dialog: screen.getByRole('dialog', { name: 'Digests by e-mail' }) };
};

describe('DigestsDialog', () => {
  it('lists the digests with their settings and their last send', async () => {
    const { dialog } = renderDialog();
    const row = await within(dialog).findByRole('group', { name: 'Digest 1' });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/users/me/digests']);
    expect((within(row).getByLabelText('Scope') as HTMLSelectElement).value).toBe('ws_1');
    expect((within(row).getByLabelText('On') as HTMLSelectElement).value).toBe('monday');
    expect((within(row).getByLabelText('At (local time)') as HTMLInputElement).value).toBe('09:00');
    expect((within(row).getByLabelText('Time zone') as HTMLInputElement).value).toBe('Europe/Paris');
    expect(row.textContent).toContain('Failed after 4 attempts');
    expect(await axeFindings(dialog)).toEqual([]);
  });

  it('starts from a read of its own, not from the list the page read earlier, which a save would overwrite', async () => {
    // The header's button read none when the page loaded; another device has added one since.
    const client = new QueryClient();
    client.setQueryData(digestsKey, []);
    render(<QueryClientProvider client={client}><DigestsDialog token="tok" scopes={['all', 'ws_1', 'ws_2']} scope="ws_2" onClose={vi.fn()} /></QueryClientProvider>);
    const dialog = screen.getByRole('dialog', { name: 'Digests by e-mail' });
    expect(within(dialog).queryByText('No digest yet.')).toBeNull();
    expect(await within(dialog).findByRole('group', { name: 'Digest 1' })).toBeTruthy();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/users/me/digests']);
  });

  it('adds, edits and removes digests and saves the whole list', async () => {
    const { dialog } = renderDialog();
    const first = await within(dialog).findByRole('group', { name: 'Digest 1' });
    fireEvent.change(within(first).getByLabelText('Every'), { target: { value: 'daily' } });
    expect(within(first).queryByLabelText('On')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a digest' }));
    const second = within(dialog).getByRole('group', { name: 'Digest 2' });
    expect((within(second).getByLabelText('Scope') as HTMLSelectElement).value).toBe('ws_2');
    expect((within(second).getByLabelText('E-mail') as HTMLInputElement).value).toBe('dana@example.com');
    fireEvent.change(within(second).getByLabelText('At (local time)'), { target: { value: '18:30' } });
    answers = [() => json({ digests: [weeklyDigest] })];

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await within(dialog).findByRole('status');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.url).toBe('/api/users/me/digests');
    expect(put.body).toEqual({ digests: [
      { id: 'd1', scope: 'ws_1', cadence: 'daily', weekday: null, localTime: '09:00', timeZone: 'Europe/Paris', email: 'dana@example.com' },
      { scope: 'ws_2', cadence: 'weekly', weekday: 'monday', localTime: '18:30', timeZone: expect.any(String), email: 'dana@example.com' },
    ] });
  });

  it('shows what the service refused, and a removed digest is left out of the save', async () => {
    const { dialog } = renderDialog();
    await within(dialog).findByRole('group', { name: 'Digest 1' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove digest 1' }));
    expect(within(dialog).getByText('No digest yet.')).toBeTruthy();
    answers = [() => problem(403, { title: 'Forbidden', detail: "digests[0].scope: the token does not grant workspace 'ws_9'." })];

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain("does not grant workspace 'ws_9'");
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({ digests: [] });
  });

  it('offers no more than ten digests', async () => {
    answers = [() => json({ digests: Array.from({ length: 10 }, (_, i) => ({ ...weeklyDigest, id: `d${i}` })) })];
    const { dialog } = renderDialog();
    await within(dialog).findByRole('group', { name: 'Digest 10' });
    expect((within(dialog).getByRole('button', { name: /Add a digest/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
