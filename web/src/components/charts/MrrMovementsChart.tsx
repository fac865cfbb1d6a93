// The period's MRR movements as a diverging bar chart, as ChartMogul shows them and as the PDF draws them: gains to
// the right, losses to the left, then the net. Plain HTML: every amount is real text, so there is nothing to describe
// separately to a screen reader, and it is drawn with the first render.
import { memo, useId } from 'react';
import { barExtent, formatSignedCurrency, movementRows, type MovementRow, type Movements } from '../../lib/mrrMovements';
import { DegradedNotice } from '../DegradedNotice';

const SECTION = 'mrrMovements';

export const MrrMovementsChart = memo(function MrrMovementsChart({ movements, degraded }: { movements: Movements; degraded: boolean }) {
  const captionId = useId();
  const { rows, net } = movementRows(movements);
  const largest = Math.max(0, ...[...rows, net].map((r) => Math.abs(r.amount ?? 0)));
  return (
    <section aria-label="MRR movements">
      <figure data-drawn="true" aria-labelledby={captionId} className="rounded-xl border border-slate-200 bg-white p-4 text-slate-500 shadow-sm dark:border-slate-700 dark:bg-slate-800 dark:text-slate-400">
        <figcaption id={captionId} className="text-base font-semibold text-slate-900 dark:text-white">MRR movements</figcaption>
        <p className="mb-3 text-xs">MRR at the period&apos;s start plus the net change gives MRR at its end.</p>
        {degraded ? <DegradedNotice degraded={[SECTION]} sections={[SECTION]} /> : (
          <ul className="space-y-1.5">
            {rows.map((row) => <Row key={row.key} row={row} largest={largest} />)}
            <li className="border-t border-slate-200 pt-1.5 dark:border-slate-700"><Row row={net} largest={largest} net /></li>
          </ul>
        )}
      </figure>
    </section>
  );
});

function Row({ row, largest, net = false }: { row: MovementRow; largest: number; net?: boolean }) {
  const { left, width } = barExtent(row.amount, largest);
  const colour = net ? 'bg-blue-500' : (row.amount ?? 0) > 0 ? 'bg-emerald-500' : 'bg-red-500';
  const content = (
    // On a phone the bar takes a line of its own under the label and the amount, so that it keeps a readable length.
    <div className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 text-sm sm:grid-cols-[9.5rem_1fr_7rem]">
      <span className={net ? 'font-semibold text-slate-900 dark:text-white' : 'text-slate-700 dark:text-slate-200'}>{row.label}</span>
      <span aria-hidden="true" className="relative order-last col-span-2 h-3 rounded-sm bg-slate-100 sm:order-none sm:col-span-1 dark:bg-slate-700/60">
        <span className="absolute inset-y-0 left-1/2 w-px bg-slate-400 dark:bg-slate-500" />
        {width > 0 && <span className={`absolute inset-y-0 rounded-sm ${colour}`} style={{ left: `${left}%`, width: `${width}%` }} />}
      </span>
      <span className={`text-right tabular-nums ${net ? 'font-semibold text-slate-900 dark:text-white' : 'text-slate-900 dark:text-slate-100'}`}>
        {formatSignedCurrency(row.amount)}
      </span>
    </div>
  );
  return net ? content : <li>{content}</li>;
}
