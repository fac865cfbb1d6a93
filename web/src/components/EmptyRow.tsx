/** The one row of a table with nothing to list, across all its columns. */
export function EmptyRow({ cols, text }: { cols: number; text: string }) {
  return <tr><td colSpan={cols} className="px-3 py-6 text-center text-sm text-slate-500 dark:text-slate-400">{text}</td></tr>;
}
