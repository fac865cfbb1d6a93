import { sectionName } from '../lib/sections';

/** One notice per degraded section among `sections`; nothing when all answered. */
export function DegradedNotice({ degraded, sections }: { degraded: readonly string[]; sections: readonly string[] }) {
  const hit = sections.filter((s) => degraded.includes(s));
  if (hit.length === 0) return null;
  return (
    <>
      {hit.map((s) => (
        <p key={s} role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          {sectionName(s)} is unavailable right now: its service did not answer. The rest of the dashboard is up to date.
        </p>
      ))}
    </>
  );
}
