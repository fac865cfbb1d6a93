// Kept apart from ChartsSection so that the skeleton does not pull the charts into the first bundle. Sized as the
// four trends and the MRR movements below them, so that nothing moves when they arrive.
export function ChartsSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading charts">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-80 animate-pulse rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800" />
        ))}
      </div>
      <div className="h-60 animate-pulse rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800" />
    </div>
  );
}
