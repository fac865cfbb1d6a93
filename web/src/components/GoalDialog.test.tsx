import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeFindings } from '../test/axe';
import { json, problem } from '../test/alerts';
import { mrrGoal } from '../test/goals';
import GoalDialog from './GoalDialog';

let calls: { url: string; method: string; body: unknown }[];
let answer: () => Response;
beforeEach(() => {
  calls = [];
  answer = () => json(mrrGoal());
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    calls.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(init.body as string) });
    return answer();
  }));
});
afterEach(() => vi.unstubAllGlobals());

function renderDialog(props: Partial<React.ComponentProps<typeof GoalDialog>> = {}) {
  const client = new QueryClient();
  const invalidated = vi.spyOn(client, 'invalidateQueries');
  const onClose = vi.fn();
  render(<QueryClientProvider client={client}><GoalDialog token="tok" scope="ws_1" metrics={['mrr', 'arr']} onClose={onClose} {...props} /></QueryClientProvider>);
  return { onClose, invalidated, dialog: screen.getByRole('dialog') };
}

describe('GoalDialog', () => {
  it('sets a goal: metric, target and day go to the service, then the overview of the scope is read again', async () => {
    const { dialog, onClose, invalidated } = renderDialog();
    expect(await axeFindings(dialog)).toEqual([]);
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Metric' }), { target: { value: 'arr' } });
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Target' }), { target: { value: '250000' } });
    fireEvent.change(within(dialog).getByLabelText('Due by'), { target: { value: '2027-06-30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save goal' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(calls).toEqual([{ url: '/api/goals', method: 'POST', body: { workspaceId: 'ws_1', metric: 'arr', target: 250000, targetDate: '2027-06-30' } }]);
    expect(invalidated).toHaveBeenCalledWith({ queryKey: ['overview', 'ws_1'] });
    expect(within(dialog).queryByRole('button', { name: 'Delete goal' })).toBeNull();
  });

  it('shows what the service refused beside each field, and keeps the dialog open', async () => {
    answer = () => problem(400, { title: 'Invalid goal', errors: { target: ['must be a number'], targetDate: ['must be after today'] } });
    const { dialog, onClose } = renderDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save goal' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Invalid goal');
    const target = within(dialog).getByRole('spinbutton', { name: 'Target' });
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(target.getAttribute('aria-describedby')).toContain('-error');
    expect(dialog.textContent).toContain('must be a number');
    expect(dialog.textContent).toContain('must be after today');
    expect(calls[0].body).toEqual({ workspaceId: 'ws_1', metric: 'mrr', target: null, targetDate: '' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('edits a goal with PUT and deletes it', async () => {
    const { dialog, onClose } = renderDialog({ goal: mrrGoal(), metrics: ['mrr', 'arr'] });
    expect(screen.getByRole('heading', { name: 'Edit the MRR goal' })).toBeTruthy();
    expect((within(dialog).getByRole('spinbutton', { name: 'Target' }) as HTMLInputElement).value).toBe('20000');
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Target' }), { target: { value: '21000.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save goal' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    answer = () => new Response(null, { status: 204 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete goal' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(2));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['PUT /api/goals/g_1', 'DELETE /api/goals/g_1']);
    expect(calls[0].body).toEqual({ metric: 'mrr', target: 21000.5, targetDate: '2027-03-31' });
  });
});
