// Classes the page's tables and dialogs share (top agents, top users, recent alerts; the export history and alert rules).
export const TABLE = 'w-full';
export const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';
export const TH_NUM = `${TH} text-right`;
export const TD = 'px-3 py-2 text-sm text-slate-800 dark:text-slate-200';
export const TD_NUM = `${TD} text-right tabular-nums`;
export const TBODY = 'divide-y divide-slate-100 dark:divide-slate-700';
/** A small secondary line under a cell's main text. */
export const SUBTEXT = 'block text-xs text-slate-500 dark:text-slate-400';
export const BUTTON = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:cursor-not-allowed disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700';
export const ERROR_TEXT = 'text-sm text-red-700 dark:text-red-300';
