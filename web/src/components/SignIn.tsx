import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { requestDevToken, sessionFromToken, type Session } from '../lib/auth';
import { beginSignIn, completeSignIn, fetchSignInConfig, type OidcOptions, type SignInConfig } from '../lib/oidc';

type Ready = { config: SignInConfig } | { session: Session };

// One look at the URL per page load: a callback's code can be exchanged only once (and React may run effects twice).
let ready: Promise<Ready> | null = null;

async function prepare(): Promise<Ready> {
  const config = await fetchSignInConfig();
  if (config.mode === 'oidc') {
    const done = await completeSignIn(oidcOptions(config), window.location);
    if (done) {
      window.history.replaceState(null, '', done.returnTo);
      return { session: sessionFromToken(done.token) };
    }
  }
  return { config };
}

const oidcOptions = (c: SignInConfig): OidcOptions => ({ authority: c.authority ?? '', clientId: c.clientId ?? '', scope: c.scope ?? 'openid profile' });

/** The sign-in screen the gateway asks for (GET /api/auth/config): the OIDC provider in production, a form in Development. */
export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [config, setConfig] = useState<SignInConfig | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    ready ??= prepare();
    ready.then(
      (r) => { ready = null; if (live) { if ('session' in r) onSignedIn(r.session); else setConfig(r.config); } },
      (e: unknown) => { ready = null; if (live) setError(e instanceof Error ? e.message : String(e)); },
    );
    return () => { live = false; };
  }, [onSignedIn]);

  if (error) return <Panel title="Sign in"><p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p><a href="/" className="text-sm text-blue-700 underline dark:text-blue-300">Try again</a></Panel>;
  if (!config) return <Panel title="Sign in"><p className="text-sm text-slate-600 dark:text-slate-300">Loading…</p></Panel>;
  if (config.mode === 'development') return <DevSignIn onSignedIn={onSignedIn} />;
  if (config.mode === 'oidc') {
    return (
      <Panel title="Sign in">
        <p className="text-sm text-slate-600 dark:text-slate-300">With your account at {new URL(config.authority ?? 'https://?').host}.</p>
        <button type="button" className={PRIMARY}
          onClick={() => beginSignIn(oidcOptions(config), window.location).then((url) => window.location.assign(url), (e: unknown) => setError(e instanceof Error ? e.message : String(e)))}>
          Sign in
        </button>
      </Panel>
    );
  }
  return <Panel title="Sign in"><p className="text-sm text-slate-600 dark:text-slate-300">Sign-in is not configured: the gateway needs an OIDC authority (Auth:Authority and Auth:ClientId).</p></Panel>;
}

const PRIMARY = 'w-full rounded-lg bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600';

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <section className="w-full max-w-sm space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-800" aria-labelledby="signin-title">
        <h1 id="signin-title" className="text-xl font-semibold text-slate-900 dark:text-white">{title}</h1>
        {children}
      </section>
    </main>
  );
}

/** Development sign-in: asks the gateway's /api/dev/token for a token with the chosen role and workspaces. */
function DevSignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [role, setRole] = useState('ceo');
  const [workspaces, setWorkspaces] = useState('*');
  const [name, setName] = useState('Local CEO');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await requestDevToken({ role, workspaces: workspaces.trim() || '*', name: name.trim() }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const input = 'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-white';
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <form onSubmit={submit} className="w-full max-w-sm space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-800" aria-labelledby="signin-title">
        <h1 id="signin-title" className="text-xl font-semibold text-slate-900 dark:text-white">Sign in (development)</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">Gets a signed token from the gateway. Only available when it runs in Development.</p>
        <label className="block text-sm font-medium text-slate-700 dark:text-slate-200">Name
          <input className={input} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </label>
        <label className="block text-sm font-medium text-slate-700 dark:text-slate-200">Role
          <select className={input} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="ceo">CEO</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label className="block text-sm font-medium text-slate-700 dark:text-slate-200">Workspaces
          <input className={input} value={workspaces} onChange={(e) => setWorkspaces(e.target.value)} aria-describedby="ws-help" />
          <span id="ws-help" className="mt-1 block text-xs font-normal text-slate-500 dark:text-slate-400">Space-separated ids, or * for the whole platform.</span>
        </label>
        {error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p>}
        <button type="submit" disabled={busy} className={PRIMARY}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
