// Production sign-in: the authorization code flow with PKCE (RFC 7636) against the OIDC authority the gateway names
// (GET /api/auth/config). The page is a public client: no secret; the code verifier stays in sessionStorage for the
// round trip, and the code never outlives the callback (the URL is cleaned before anything renders).

export interface OidcOptions { authority: string; clientId: string; scope: string }
export interface SignInConfig { mode: 'oidc' | 'development' | 'none'; authority?: string; clientId?: string; scope?: string }

const PENDING = 'executive-dashboard.oidc';

interface Pending { state: string; verifier: string; tokenEndpoint: string; returnTo: string }

export async function fetchSignInConfig(fetcher: typeof fetch = fetch): Promise<SignInConfig> {
  const response = await fetcher('/api/auth/config');
  if (!response.ok) throw new Error(`The gateway's sign-in settings answered ${response.status}.`);
  return (await response.json()) as SignInConfig;
}

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function randomString(crypto: Crypto, bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function discover(authority: string, fetcher: typeof fetch) {
  const response = await fetcher(`${authority.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The sign-in provider's discovery document answered ${response.status}.`);
  return (await response.json()) as { authorization_endpoint: string; token_endpoint: string };
}

/** Where to send the browser to sign in; remembers the state and verifier for the way back. */
export async function beginSignIn(options: OidcOptions, location: { origin: string; pathname: string; search: string },
  storage: Storage = sessionStorage, fetcher: typeof fetch = fetch, crypto: Crypto = globalThis.crypto): Promise<string> {
  const { authorization_endpoint, token_endpoint } = await discover(options.authority, fetcher);
  const verifier = randomString(crypto, 32);
  const state = randomString(crypto, 16);
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const pending: Pending = { state, verifier, tokenEndpoint: token_endpoint, returnTo: location.pathname + location.search };
  storage.setItem(PENDING, JSON.stringify(pending));
  const query = new URLSearchParams({
    response_type: 'code', client_id: options.clientId, redirect_uri: `${location.origin}/`, scope: options.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  return `${authorization_endpoint}?${query}`;
}

/** On the way back (?code=…&state=…): the access token and where the person was, or null when this is no callback. */
export async function completeSignIn(options: OidcOptions, location: { origin: string; search: string },
  storage: Storage = sessionStorage, fetcher: typeof fetch = fetch): Promise<{ token: string; returnTo: string } | null> {
  const q = new URLSearchParams(location.search);
  const code = q.get('code');
  const error = q.get('error');
  if (!code && !error) return null;
  const raw = storage.getItem(PENDING);
  storage.removeItem(PENDING);
  if (error) throw new Error(`The sign-in provider refused: ${q.get('error_description') ?? error}.`);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  if (!pending || pending.state !== q.get('state')) throw new Error('This sign-in did not start here (its state does not match); sign in again.');
  const response = await fetcher(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: code!, redirect_uri: `${location.origin}/`,
      client_id: options.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`The sign-in provider's token endpoint answered ${response.status}.`);
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('The sign-in provider gave no access token.');
  return { token: body.access_token, returnTo: pending.returnTo || '/' };
}
