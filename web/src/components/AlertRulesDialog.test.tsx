import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeFindings } from '../test/axe';
import { errorRateRule, json, problem, slowRunsRule } from '../test/alerts';
import AlertRulesDialog from './AlertRulesDialog';

let requests: string[];
let answer: () => Response;

beforeEach(() => {
  requests = [];
  answer = () => json([errorRateRule(), slowRunsRule()]);
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    requests.push(url);
    return answer();
  }));
});
afterEach(() => vi.unstubAllGlobals());

const renderDialog = () => {
  const onClose = vi.fn();
  render(<QueryClientProvider client={new QueryClient()}><AlertRulesDialog token="tok" onClose={onClose} /></QueryClientProvider>);
  return { onClose, dialog: screen.getByRole('dialog', { name: 'Alert rules' }) };
};

describe('AlertRulesDialog', () => {
  it('loads the rules and shows a fieldset per rule with its inputs and a Save', async () => {
    const { dialog } = renderDialog();
    await within(dialog).findByRole('group', { name: 'high-error-rate' });
    expect(requests).toEqual(['/api/alerts/rules']);
    expect(within(dialog).getAllByRole('group').map((g) => g.querySelector('legend')!.textContent)).toEqual(['high-error-rate', 'slow-runs']);
    const slow = within(dialog).getByRole('group', { name: 'slow-runs' });
    expect((within(slow).getByRole('spinbutton', { name: 'factor' }) as HTMLInputElement).value).toBe('1.5');
    expect(within(dialog).getAllByRole('button', { name: 'Save' })).toHaveLength(2);
    expect(await axeFindings(dialog)).toEqual([]);
  });

  it('shows a failed load with a retry', async () => {
    answer = () => problem(503, { title: 'Service unavailable', detail: 'The alerts service did not answer.' });
    const { dialog } = renderDialog();
    expect((await within(dialog).findByRole('alert')).textContent).toContain('The alerts service did not answer.');
    answer = () => json([slowRunsRule()]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await within(dialog).findByRole('group', { name: 'slow-runs' })).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('closes on Escape and on Close', async () => {
    const { dialog, onClose } = renderDialog();
    await within(dialog).findByRole('group', { name: 'slow-runs' });
    fireEvent.keyDown(within(dialog).getByRole('spinbutton', { name: 'factor' }), { key: 'Escape' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
