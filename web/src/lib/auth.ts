// The dev sign-in: a token from POST /api/dev/token, kept in sessionStorage (gone with the tab,
// never in the URL). The request is kept too, so that an expired token can be renewed silently.

export interface DevTokenRequest { role: string; workspaces: string; name: string }

export interface Session {
  token: string;
  /** The development sign-in's request, to renew an expired token silently; absent after an OIDC sign-in. */
  request?: DevTokenRequest;
  name: string;
  role: string;
  /** Workspace ids the token grants; ['*'] for the whole platform. */
  workspaces: string[];
  expiresAt: number | null;
}

const KEY = 'executive-dashboard.session';

export function decodeClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const json = decodeURIComponent(Array.from(atob(b64), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function sessionFromToken(token: string, request?: DevTokenRequest): Session {
  const c = decodeClaims(token);
  const ws = typeof c.workspaces === 'string' ? c.workspaces.split(/\s+/).filter(Boolean) : [];
  return {
    token,
    request,
    name: typeof c.name === 'string' ? c.name : request?.name ?? '',
    role: typeof c.role === 'string' ? c.role : request?.role ?? '',
    workspaces: ws,
    expiresAt: typeof c.exp === 'number' ? c.exp * 1000 : null,
  };
}

/** Who the token is for (`sub`): what the users service keys a card layout by. */
export function subjectOf(session: Session): string {
  const sub = decodeClaims(session.token).sub;
  return typeof sub === 'string' && sub !== '' ? sub : session.name;
}

/** Scopes a person may pick: 'all' first when the token grants '*'. */
export function scopesOf(session: Session): string[] {
  return session.workspaces.includes('*') ? ['all', ...session.workspaces.filter((w) => w !== '*')] : session.workspaces;
}

export async function requestDevToken(request: DevTokenRequest, fetcher: typeof fetch = fetch): Promise<Session> {
  const response = await fetcher('/api/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) {
    throw new Error(response.status === 404
      ? 'Dev sign-in is only available when the gateway runs in Development.'
      : `Sign-in failed (${response.status}).`);
  }
  const body = (await response.json()) as { token: string };
  return sessionFromToken(body.token, request);
}

export function loadSession(storage: Storage = sessionStorage): Session | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (s.expiresAt !== null && s.expiresAt <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null, storage: Storage = sessionStorage): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}
