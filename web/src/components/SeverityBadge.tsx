// Text against its badge at 4.5:1 or more (WCAG AA), in light and dark; SeverityBadge.test.tsx measures it.
export const SEVERITY_CLASS: Record<string, string> = {
  critical: 'bg-red-700 text-white',
  high: 'bg-orange-700 text-white',
  medium: 'bg-amber-300 text-amber-950',
  low: 'bg-slate-200 text-slate-800 dark:bg-slate-600 dark:text-slate-100',
};

/** An alert's severity as a coloured word; a severity the page does not know looks like low. */
export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${SEVERITY_CLASS[severity] ?? SEVERITY_CLASS.low}`}>{severity}</span>;
}
