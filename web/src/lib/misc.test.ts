import { describe, expect, it } from 'vitest';
import { prependActivity } from './activity';
import { decodeClaims, scopesOf, sessionFromToken } from './auth';
import { relativeTime } from './relativeTime';
import type { ActivityFrame } from './types';
import { parseViewState, toSearch } from './urlState';

const b64url = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = (claims: object) => `${b64url({ alg: 'HS256' })}.${b64url(claims)}.sig`;

describe('url state', () => {
  it('reads timeframe and scope, with 7d as default and junk ignored', () => {
    expect(parseViewState('?timeframe=30d&scope=ws_2')).toEqual({ timeframe: '30d', scope: 'ws_2', asOf: null });
    expect(parseViewState('?timeframe=1y')).toEqual({ timeframe: '7d', scope: null, asOf: null });
  });
  it('writes them back and never keeps a token in the URL', () => {
    expect(toSearch({ timeframe: 'all', scope: 'all', asOf: null }, '?access_token=x&foo=1')).toBe('?foo=1&timeframe=all&scope=all');
  });
});

describe('session from a dev token', () => {
  const req = { role: 'ceo', workspaces: '*', name: 'Ann' };
  it('reads name, role, workspaces and expiry from the claims', () => {
    const s = sessionFromToken(token({ name: 'Ann Lee', role: 'ceo', workspaces: 'ws_1 ws_2', exp: 2_000_000_000 }), req);
    expect(s).toMatchObject({ name: 'Ann Lee', role: 'ceo', workspaces: ['ws_1', 'ws_2'], expiresAt: 2_000_000_000_000 });
    expect(scopesOf(s)).toEqual(['ws_1', 'ws_2']);
  });
  it('offers the platform scope first for *', () => {
    expect(scopesOf(sessionFromToken(token({ workspaces: '*' }), req))).toEqual(['all']);
  });
  it('survives a malformed token', () => {
    expect(decodeClaims('nonsense')).toEqual({});
  });
});

describe('activity feed', () => {
  const f = (id: string): ActivityFrame => ({ event: 'activity', id, workspaceId: 'ws_1', kind: 'run.succeeded', text: id, at: '2026-01-01T00:00:00Z' });
  it('prepends, drops repeats by id and keeps the limit', () => {
    let list: ActivityFrame[] = [];
    list = prependActivity(list, f('a'));
    list = prependActivity(list, f('b'));
    list = prependActivity(list, f('a'));
    expect(list.map((x) => x.id)).toEqual(['b', 'a']);
    list = prependActivity(list, f('c'), 2);
    expect(list.map((x) => x.id)).toEqual(['c', 'b']);
  });
});

describe('relativeTime', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('says how long ago', () => {
    expect(relativeTime('2026-01-01T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2026-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-01-01T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2025-12-30T12:00:00Z', now)).toBe('2 d ago');
  });
});
