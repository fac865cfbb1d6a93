import type { ReactNode } from 'react';

export interface PanelProps {
  /** The section's accessible name and its heading. */
  title: string;
  /** Controls at the right of the heading. */
  actions?: ReactNode;
  /** Notices above the content (a degraded section, a failed load). */
  notices?: ReactNode;
  children: ReactNode;
}

/** A labelled page section in a card: heading, optional actions and notices, then a horizontally scrolling body. */
export function Panel({ title, actions, notices, children }: PanelProps) {
  return (
    <section aria-label={title} className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 pt-4">
        <h2 className="text-base font-semibold text-slate-900 dark:text-white">{title}</h2>
        {actions}
      </div>
      {notices && <div className="space-y-2 px-4 pt-2">{notices}</div>}
      <div className="overflow-x-auto pb-2">{children}</div>
    </section>
  );
}
