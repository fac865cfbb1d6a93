import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rulesKey, type AlertRule } from '../lib/alerts';
import { errorRateRule, json, problem, slowRunsRule } from '../test/alerts';
import { RuleForm } from './RuleForm';

let requests: { url: string; init: RequestInit }[];
let answer: (body: Record<string, unknown>) => Response;

beforeEach(() => {
  requests = [];
  answer = (body) => json({ ...errorRateRule(), parameters: { ...errorRateRule().parameters, ...body } });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return answer(JSON.parse(init.body as string) as Record<string, unknown>);
  }));
});
afterEach(() => vi.unstubAllGlobals());

const renderForm = () => {
  const client = new QueryClient();
  client.setQueryData(rulesKey, [errorRateRule(), slowRunsRule()]);
  render(<QueryClientProvider client={client}><RuleForm rule={errorRateRule()} token="tok" /></QueryClientProvider>);
  return { client, fieldset: screen.getByRole('group', { name: 'high-error-rate' }) };
};
const input = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;

describe('RuleForm', () => {
  it('shows a rule without thresholds (goal-off-track) with nothing to save', () => {
    const rule: AlertRule = { name: 'goal-off-track', description: 'A goal\'s projection falls short', parameters: {}, limits: [] };
    render(<QueryClientProvider client={new QueryClient()}><RuleForm rule={rule} token="tok" /></QueryClientProvider>);
    const fieldset = screen.getByRole('group', { name: 'goal-off-track' });
    expect(within(fieldset).getByText('No thresholds to set here.')).toBeTruthy();
    expect(within(fieldset).queryByRole('button')).toBeNull();
  });

  it('is a fieldset named by the rule, with its description and a labelled number input per parameter, in its range', () => {
    const { fieldset } = renderForm();
    expect(fieldset.tagName).toBe('FIELDSET');
    expect(within(fieldset).getByText(/^Last 60 min: at least minRuns runs/)).toBeTruthy();
    expect(within(fieldset).getAllByRole('spinbutton').map((i) => [i.getAttribute('aria-label') ?? (i as HTMLInputElement).labels?.[0].textContent, (i as HTMLInputElement).value]))
      .toEqual([['minRuns', '20'], ['errorRate', '10'], ['criticalErrorRate', '25']]);
    const rate = input('errorRate');
    expect([rate.min, rate.max, rate.step]).toEqual(['0', '100', 'any']);
    expect(document.getElementById(rate.getAttribute('aria-describedby')!)!.textContent).toBe('error rate in percent above which the alert is high (0 to 100)');
    expect(rate.getAttribute('aria-invalid')).toBeNull();
  });

  it('saves this rule\'s parameters with a PUT, says Saved, and keeps the saved rule in the cache', async () => {
    const { client } = renderForm();
    fireEvent.change(input('errorRate'), { target: { value: '12.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe('/api/alerts/rules/high-error-rate');
    expect(requests[0].init.method).toBe('PUT');
    expect(JSON.parse(requests[0].init.body as string)).toEqual({ minRuns: 20, errorRate: 12.5, criticalErrorRate: 25 });
    expect(client.getQueryData<AlertRule[]>(rulesKey)?.map((r) => r.parameters)).toEqual([{ minRuns: 20, errorRate: 12.5, criticalErrorRate: 25 }, { factor: 1.5 }]);
    // An edit after the save: no longer "Saved".
    fireEvent.change(input('minRuns'), { target: { value: '30' } });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('sends an empty or unreadable value as null, for the service to judge', async () => {
    renderForm();
    fireEvent.change(input('minRuns'), { target: { value: '' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form')!);
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(JSON.parse(requests[0].init.body as string)).toEqual({ minRuns: null, errorRate: 10, criticalErrorRate: 25 });
  });

  it('shows a 400\'s messages by field (invalid, described by its message) and its title as an alert in the fieldset', async () => {
    answer = () => problem(400, {
      title: 'Invalid thresholds for high-error-rate',
      errors: { criticalErrorRate: ['must be at least errorRate'], errorRate: ['must be between 0 and 100'], parameters: ['name at least one parameter'] },
    });
    const { fieldset } = renderForm();
    fireEvent.change(input('errorRate'), { target: { value: '140' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await within(fieldset).findByRole('alert');
    expect(within(alert).getByText('Invalid thresholds for high-error-rate')).toBeTruthy();
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'criticalErrorRate: must be at least errorRate', 'errorRate: must be between 0 and 100', 'parameters: name at least one parameter',
    ]);
    const rate = input('errorRate');
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    const described = rate.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
    expect(described).toEqual(['error rate in percent above which the alert is high (0 to 100)', 'must be between 0 and 100']);
    expect(input('criticalErrorRate').getAttribute('aria-invalid')).toBe('true');
    expect(input('minRuns').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it.each([
    [403, problem(403, { title: 'Platform grant required', detail: 'Rules apply to every workspace: editing them needs a token with workspaces \'*\'.' }),
      'Rules apply to every workspace: editing them needs a token with workspaces \'*\'.'],
    [404, problem(404, { title: 'Unknown rule', detail: '\'high-error-rate\' is not one of slow-runs.' }), '\'high-error-rate\' is not one of slow-runs.'],
    [503, new Response('oops', { status: 503 }), 'Saving the rule answered 503.'],
  ])('shows a %i problem\'s detail as an alert in the fieldset, no field marked', async (_status, response, message) => {
    answer = () => response;
    const { fieldset } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await within(fieldset).findByRole('alert')).textContent).toBe(message);
    expect(within(fieldset).getAllByRole('spinbutton').filter((i) => i.getAttribute('aria-invalid'))).toEqual([]);
  });
});
