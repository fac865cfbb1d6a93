import { describe, expect, it, vi } from 'vitest';
import { beginSignIn, completeSignIn } from './oidc';

const options = { authority: 'https://id.example.com/realms/acme/', clientId: 'executive-dashboard', scope: 'openid profile' };
const location = { origin: 'https://dash.example.com', pathname: '/', search: '?timeframe=30d' };
const discovery = { authorization_endpoint: 'https://id.example.com/auth', token_endpoint: 'https://id.example.com/token' };

function discoveryFetch() {
  return vi.fn(async (url: string) => {
    expect(url).toBe('https://id.example.com/realms/acme/.well-known/openid-configuration');
    return new Response(JSON.stringify(discovery), { status: 200 });
  }) as unknown as typeof fetch;
}

describe('OIDC sign-in (authorization code + PKCE)', () => {
  it('sends the browser to the authority with an S256 challenge of the verifier it keeps', async () => {
    const storage = window.sessionStorage;
    storage.clear();
    const url = new URL(await beginSignIn(options, location, storage, discoveryFetch()));

    expect(url.origin + url.pathname).toBe('https://id.example.com/auth');
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('executive-dashboard');
    expect(q.get('redirect_uri')).toBe('https://dash.example.com/');
    expect(q.get('code_challenge_method')).toBe('S256');
    const pending = JSON.parse(storage.getItem('executive-dashboard.oidc')!);
    expect(pending.state).toBe(q.get('state'));
    expect(pending.returnTo).toBe('/?timeframe=30d');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier)));
    const expected = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(pending.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('code_challenge')).toBe(expected);
  });

  it('exchanges the code with the verifier once, and refuses a state it did not send', async () => {
    const storage = window.sessionStorage;
    storage.clear();
    storage.setItem('executive-dashboard.oidc', JSON.stringify({ state: 's1', verifier: 'v1', tokenEndpoint: discovery.token_endpoint, returnTo: '/?timeframe=30d' }));
    const fetcher = vi.fn(async (url: string, init?: RequestInit) => {
      expect(url).toBe('https://id.example.com/token');
      const form = new URLSearchParams(String(init!.body));
      expect(Object.fromEntries(form)).toEqual({
        grant_type: 'authorization_code', code: 'c1', redirect_uri: 'https://dash.example.com/', client_id: 'executive-dashboard', code_verifier: 'v1',
      });
      return new Response(JSON.stringify({ access_token: 'token-1', token_type: 'Bearer' }), { status: 200 });
    }) as unknown as typeof fetch;

    expect(await completeSignIn(options, { origin: location.origin, search: '?code=c1&state=s1' }, storage, fetcher))
      .toEqual({ token: 'token-1', returnTo: '/?timeframe=30d' });
    expect(storage.getItem('executive-dashboard.oidc')).toBeNull();

    storage.setItem('executive-dashboard.oidc', JSON.stringify({ state: 's2', verifier: 'v2', tokenEndpoint: discovery.token_endpoint, returnTo: '/' }));
    await expect(completeSignIn(options, { origin: location.origin, search: '?code=c1&state=forged' }, storage, fetcher)).rejects.toThrow(/state/);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('is no callback without a code, and says what the provider refused', async () => {
    expect(await completeSignIn(options, { origin: location.origin, search: '?timeframe=7d' })).toBeNull();
    await expect(completeSignIn(options, { origin: location.origin, search: '?error=access_denied&error_description=Not+allowed' }))
      .rejects.toThrow('The sign-in provider refused: Not allowed.');
  });
});
