import { useState, type FormEvent } from 'react';
import { requestDevToken, type Session } from '../lib/auth';

/** Development sign-in: asks the gateway's /api/dev/token for a token with the chosen role and workspaces. */
export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
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
        <button type="submit" disabled={busy} className="w-full rounded-lg bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
