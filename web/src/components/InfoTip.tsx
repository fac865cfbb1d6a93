import { useTooltip } from '../hooks/useTooltip';

/**
 * An ⓘ button whose definition shows as a tooltip (the WAI-ARIA tooltip pattern): on hover and on keyboard focus,
 * hidden again on leaving, on blur and with Escape. The tooltip stays open while the pointer is over it, so that
 * its text can be read at any zoom.
 */
export function InfoTip({ title, text }: { title: string; text: string }) {
  const { tipId, open, wrapper, trigger } = useTooltip();

  return (
    <span className="relative" {...wrapper}>
      <button
        type="button"
        className="-m-1 rounded-full p-1 text-slate-500 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-slate-400 dark:hover:text-slate-100"
        {...trigger}
        aria-label={`About ${title}`}
      >
        {/* Drawn rather than the ⓘ character, which many system fonts render tiny or not at all. */}
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 7.2v4M8 4.8v.1" strokeLinecap="round" />
        </svg>
      </button>
      <span
        id={tipId}
        role="tooltip"
        hidden={!open}
        className="absolute right-0 top-full z-20 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md bg-slate-900 px-3 py-2 text-sm leading-snug font-normal text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
      >
        {text}
      </span>
    </span>
  );
}
