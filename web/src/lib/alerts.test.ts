import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alertView, json, problem } from '../test/alerts';
import { ApiError } from './api';
import {
  acknowledgedLabel, acknowledgeAlert, canAcknowledge, canEditRules, fetchAlerts, recentAlerts, RuleValidationError, saveRule, withAlert,
} from './alerts';

let calls: { url: string; init: RequestInit }[];
let answer: () => Response;

beforeEach(() => {
  calls = [];
  answer = () => json([]);
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => { calls.push({ url, init }); return answer(); }));
});
afterEach(() => vi.unstubAllGlobals());

describe('recentAlerts', () => {
  it('lists the active alerts in the order given, then the resolved ones', () => {
    const active = [alertView({ id: 'a2', severity: 'critical' }), alertView({ id: 'a1' })];
    const resolved = [alertView({ id: 'r2', state: 'resolved' }), alertView({ id: 'r1', state: 'resolved' })];
    expect(recentAlerts(active, resolved).map((a) => a.id)).toEqual(['a2', 'a1', 'r2', 'r1']);
  });
  it('shows an alert that resolved between the two answers once, as resolved', () => {
    const active = [alertView({ id: 'a1' }), alertView({ id: 'a2' })];
    const resolved = [alertView({ id: 'a1', state: 'resolved', resolvedAt: '2026-01-08T00:00:00Z' })];
    const list = recentAlerts(active, resolved);
    expect(list.map((a) => `${a.id}:${a.state}`)).toEqual(['a2:active', 'a1:resolved']);
  });
});

describe('withAlert', () => {
  it('replaces the alert by id and leaves a list without it as it was', () => {
    const list = [alertView({ id: 'a1' }), alertView({ id: 'a2' })];
    const acked = alertView({ id: 'a2', acknowledgedAt: '2026-01-08T00:00:00Z', acknowledgedBy: 'dev:dana', acknowledgedByName: 'Dana' });
    expect(withAlert(list, acked)).toEqual([list[0], acked]);
    const other = [alertView({ id: 'a3' })];
    expect(withAlert(other, acked)).toBe(other);
    expect(withAlert(undefined, acked)).toBeUndefined();
  });
});

describe('who may do what', () => {
  it('lets ceo and admin acknowledge, and only a token for every workspace edit rules', () => {
    expect(['ceo', 'admin', 'member', 'ingest', ''].map(canAcknowledge)).toEqual([true, true, false, false, false]);
    expect(canEditRules(['*'])).toBe(true);
    expect(canEditRules(['ws_1', 'ws_2'])).toBe(false);
  });
  it('names who acknowledged: the name, else the subject', () => {
    expect(acknowledgedLabel(alertView({ acknowledgedAt: 'x', acknowledgedBy: 'dev:dana', acknowledgedByName: 'Dana' }))).toBe('Acknowledged by Dana');
    expect(acknowledgedLabel(alertView({ acknowledgedAt: 'x', acknowledgedBy: 'dev:dana', acknowledgedByName: null }))).toBe('Acknowledged by dev:dana');
    expect(acknowledgedLabel(alertView({ acknowledgedAt: 'x' }))).toBe('Acknowledged');
  });
});

describe('requests', () => {
  it('asks for a scope\'s alerts by state, with a limit when given, as the signed-in person', async () => {
    await fetchAlerts('tok', 'ws_1', 'active');
    await fetchAlerts('tok', 'all', 'resolved', 10);
    expect(calls.map((c) => c.url)).toEqual(['/api/alerts?workspace_id=ws_1&state=active', '/api/alerts?workspace_id=all&state=resolved&limit=10']);
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });
  it('acknowledges with a POST and reads a refusal\'s detail', async () => {
    answer = () => json(alertView({ acknowledgedByName: 'Dana' }));
    expect((await acknowledgeAlert('tok', 'al_1')).acknowledgedByName).toBe('Dana');
    expect(calls[0]).toMatchObject({ url: '/api/alerts/al_1/acknowledge', init: { method: 'POST' } });
    answer = () => problem(403, { title: 'Forbidden', detail: 'Role member may not acknowledge.' });
    await expect(acknowledgeAlert('tok', 'al_1')).rejects.toMatchObject({ status: 403, message: 'Role member may not acknowledge.' });
    answer = () => new Response(null, { status: 404 });
    await expect(acknowledgeAlert('tok', 'al_1')).rejects.toMatchObject({ status: 404, message: 'Acknowledging the alert answered 404.' });
  });
  it('saves a rule\'s parameters with a PUT; a 400 carries its title and errors, another refusal its detail', async () => {
    answer = () => json({ name: 'slow-runs' });
    await saveRule('tok', 'slow-runs', { factor: 2, other: null });
    expect(calls[0].url).toBe('/api/alerts/rules/slow-runs');
    expect(calls[0].init.method).toBe('PUT');
    expect(calls[0].init.body).toBe('{"factor":2,"other":null}');
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('application/json');

    answer = () => problem(400, { title: 'Invalid thresholds for slow-runs', errors: { factor: ['must be between 1 and 100'] } });
    const invalid = await saveRule('tok', 'slow-runs', { factor: 0 }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(RuleValidationError);
    expect(invalid).toMatchObject({ status: 400, message: 'Invalid thresholds for slow-runs', errors: { factor: ['must be between 1 and 100'] } });

    answer = () => problem(403, { title: 'Platform grant required', detail: 'Rules apply to every workspace.' });
    const refused = await saveRule('tok', 'slow-runs', { factor: 2 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).not.toBeInstanceOf(RuleValidationError);
    expect(refused).toMatchObject({ status: 403, message: 'Rules apply to every workspace.' });
  });
});
