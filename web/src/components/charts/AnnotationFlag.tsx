import { useReaderZone } from '../../hooks/useReaderZone';
import { useTooltip } from '../../hooks/useTooltip';
import { kindStyle } from '../../lib/annotations';
import { formatDateTime } from '../../lib/readerZone';
import type { Annotation } from '../../lib/types';

/**
 * The flag at the top of an annotation's line: a button in the kind's colour whose text shows as a tooltip on hover and
 * on keyboard focus (the WAI-ARIA tooltip pattern, as InfoTip: its name is the kind and time, the tooltip its description), hidden on leaving, on blur and with Escape. The tooltip
 * is placed by the chart (`tip`: from the flag's left, in CSS px), so that it stays within the chart on a phone too.
 */
export function AnnotationFlag({ annotation, tip }: { annotation: Annotation; tip: { left: number; width: number } }) {
  const { tipId, open, wrapper, trigger } = useTooltip();
  const style = kindStyle(annotation.kind);
  // In the reader's zone, as the chart's axis and readout.
  const time = formatDateTime(annotation.at, useReaderZone());

  return (
    <span className="relative block" {...wrapper}>
      <button
        type="button"
        data-kind={annotation.kind}
        className="flex h-6 w-6 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-blue-500"
        aria-label={`${style.label}${annotation.scope === 'all' ? ' (all workspaces)' : ''}, ${time}`}
        {...trigger}
      >
        <span aria-hidden="true" className="block h-3 w-3 rotate-45 rounded-[2px] ring-2 ring-white dark:ring-slate-800" style={{ backgroundColor: style.color }} />
      </button>
      <span
        id={tipId}
        role="tooltip"
        hidden={!open}
        style={{ left: tip.left, width: tip.width }}
        className="absolute top-full z-20 mt-1 rounded-md bg-slate-900 px-3 py-2 text-sm leading-snug font-normal text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
      >
        <span className="flex items-center gap-1.5 text-xs font-semibold">
          <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full" style={{ backgroundColor: style.color }} />
          {style.label}{annotation.scope === 'all' ? ' · all workspaces' : ''}
          <span className="font-normal text-slate-300 tabular-nums dark:text-slate-600">{time}</span>
        </span>
        <span className="mt-0.5 block break-words">{annotation.text}</span>
      </span>
    </span>
  );
}
