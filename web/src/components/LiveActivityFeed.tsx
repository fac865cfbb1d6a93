import { useReaderZone } from '../hooks/useReaderZone';
import { formatDateTime } from '../lib/readerZone';
import { relativeTime } from '../lib/relativeTime';
import type { ActivityFrame } from '../lib/types';

// A kind this page does not know yet (a newer gateway) still shows its text, with the neutral dot.
const KIND_ICON: Record<string, string> = {
  'run.succeeded': '✓', 'run.failed': '✕', 'user.signed_up': '＋', 'subscription.started': '$',
  'subscription.changed': '⇅', 'subscription.canceled': '⊘', 'trial.started': '◔', 'trial.ended': '◕',
  'alert.triggered': '⚠', 'alert.resolved': '✓', 'export.generated': '⤓',
};
const KIND_CLASS: Record<string, string> = {
  'run.failed': 'text-red-600 dark:text-red-400', 'alert.triggered': 'text-orange-600 dark:text-orange-400',
  'run.succeeded': 'text-emerald-600 dark:text-emerald-400', 'alert.resolved': 'text-emerald-600 dark:text-emerald-400',
  'export.generated': 'text-blue-600 dark:text-blue-400',
};

export function LiveActivityFeed({ items, now, showWorkspace }: { items: ActivityFrame[]; now: Date; showWorkspace: boolean }) {
  const zone = useReaderZone();
  return (
    <section aria-label="Live activity" className="rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-800">
      <h2 className="px-4 pt-4 text-base font-semibold text-slate-900 dark:text-white">Live activity</h2>
      {items.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500 dark:text-slate-400">Waiting for activity…</p>
      ) : (
        <ol aria-live="polite" className="max-h-[36rem] divide-y divide-slate-100 overflow-y-auto px-4 py-2 dark:divide-slate-700">
          {items.map((a, i) => (
            <li key={a.id ?? `${a.at}-${i}`} className="flex gap-3 py-2 text-sm">
              <span aria-hidden="true" className={`w-4 shrink-0 text-center ${KIND_CLASS[a.kind] ?? 'text-slate-400'}`}>{KIND_ICON[a.kind] ?? '•'}</span>
              <span className="min-w-0 flex-1 text-slate-800 dark:text-slate-200">
                {a.text}
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  <time dateTime={a.at} title={formatDateTime(a.at, zone)}>{relativeTime(a.at, now)}</time>{showWorkspace && ` · ${a.workspaceId}`}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
