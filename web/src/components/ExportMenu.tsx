import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { downloadExport, exportErrorMessage, saveBlob, type ExportFormat } from '../lib/exports';
import type { Timeframe } from '../lib/types';
import type { ReaderSetting } from '../lib/readerZone';

// Only those who open it pay for it; the chunk is fetched when the menu opens.
const loadHistory = () => import('./ExportHistory');
const ExportHistory = lazy(loadHistory);

export interface ExportMenuProps {
  token: string;
  scope: string;
  timeframe: Timeframe;
  /** The asOf of the numbers on screen; undefined while none are shown, when there is nothing to export. */
  asOf: string | undefined;
  /** The card ids in the order the page shows them. */
  cards: readonly string[];
  /** The reader's zone and week start, passed to the file as the page reads the overview. */
  reader?: ReaderSetting;
  /** ceo and admin: the export history. */
  canReadAudit: boolean;
  /** A token for every workspace: checking the audit's hash chain. */
  canVerifyAudit: boolean;
}

type ItemKey = ExportFormat | 'history';
const FORMAT_LABEL: Record<ExportFormat, string> = { pdf: 'PDF', csv: 'CSV' };
/** w-56 */
const MENU_WIDTH_PX = 224;

const BUTTON = 'inline-flex items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 aria-disabled:hover:bg-white dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 dark:aria-disabled:hover:bg-slate-800';
const ITEM = 'group flex cursor-pointer items-baseline justify-between gap-4 px-3 py-2 text-sm text-slate-800 outline-none hover:bg-slate-100 focus:bg-blue-600 focus:text-white dark:text-slate-100 dark:hover:bg-slate-700 dark:focus:bg-blue-600';

/**
 * The header's Export button: a WAI-ARIA menu button (Enter, Space or ↓ open it on the first item, ↑ on the last;
 * arrows, Home and End move; Escape closes; focus comes back to the button). The button stays focusable while an
 * export runs (aria-disabled rather than disabled), so that keyboard focus is not dropped to the page.
 */
export function ExportMenu(p: ExportMenuProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  // For screen readers: the browser's download bar may say nothing when the file arrives.
  const [saved, setSaved] = useState('');
  const [history, setHistory] = useState(false);
  // The menu opens towards the side with room: the button sits at the right on a desktop, at the left on a phone.
  const [alignRight, setAlignRight] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const inFlight = useRef<AbortController | null>(null);

  const items: { key: ItemKey; label: string; hint: string }[] = [
    { key: 'pdf', label: 'PDF', hint: 'to read and share' },
    { key: 'csv', label: 'CSV', hint: 'for spreadsheets' },
    ...(p.canReadAudit ? [{ key: 'history' as const, label: 'Export history…', hint: '' }] : []),
  ];
  const unavailable = running !== null || p.asOf === undefined;

  useEffect(() => { if (open) itemRefs.current[active]?.focus(); }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  // A download still running when the dashboard goes away (sign-out) is dropped rather than saved afterwards.
  useEffect(() => () => inFlight.current?.abort(), []);

  const openAt = (index: number) => {
    if (unavailable) return;
    if (p.canReadAudit) void loadHistory();
    setAlignRight((button.current?.getBoundingClientRect().left ?? 0) + MENU_WIDTH_PX > window.innerWidth);
    setActive(index);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const run = async (format: ExportFormat, asOf: string) => {
    const controller = new AbortController();
    inFlight.current = controller;
    setError(null);
    setSaved('');
    setRunning(format);
    try {
      const { blob, filename } = await downloadExport(p.token, { scope: p.scope, timeframe: p.timeframe, format, asOf, cards: p.cards, reader: p.reader }, controller.signal);
      saveBlob(blob, filename);
      setSaved(`Saved ${filename}`);
    } catch (e) {
      if (!controller.signal.aborted) setError(exportErrorMessage(e));
    } finally {
      if (!controller.signal.aborted) setRunning(null);
    }
  };

  const choose = (key: ItemKey) => {
    close();
    if (key === 'history') setHistory(true);
    else if (p.asOf !== undefined) void run(key, p.asOf);
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') { e.preventDefault(); openAt(0); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); openAt(items.length - 1); }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const last = items.length - 1;
    const moves: Record<string, number> = { ArrowDown: active === last ? 0 : active + 1, ArrowUp: active === 0 ? last : active - 1, Home: 0, End: last };
    if (e.key in moves) { e.preventDefault(); setActive(moves[e.key]); }
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(items[active].key); }
    else if (e.key === 'Escape') { e.preventDefault(); close(); }
    else if (e.key === 'Tab') setOpen(false);
  };

  return (
    <>
      <div ref={root} className="relative">
        <button
          ref={button}
          id={`${id}-button`}
          type="button"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? `${id}-menu` : undefined}
          aria-disabled={unavailable}
          aria-busy={running !== null}
          title={p.asOf === undefined ? 'Available once the dashboard has loaded' : 'Download this view as a PDF or CSV file'}
          onClick={() => (open ? close() : openAt(0))}
          onKeyDown={onButtonKey}
          className={BUTTON}
        >
          {running !== null ? <Spinner /> : <span aria-hidden="true">⤓</span>}
          Export
          <span aria-hidden="true" className="text-xs">▾</span>
        </button>
        {open && (
          <ul
            id={`${id}-menu`}
            role="menu"
            aria-labelledby={`${id}-button`}
            onKeyDown={onMenuKey}
            className={`absolute ${alignRight ? 'right-0' : 'left-0'} z-20 mt-1 w-56 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-600 dark:bg-slate-800`}
          >
            {items.map((item, i) => (
              <li
                key={item.key}
                ref={(el) => { itemRefs.current[i] = el; }}
                role="menuitem"
                tabIndex={-1}
                onClick={() => choose(item.key)}
                onMouseMove={() => { if (i !== active) setActive(i); }}
                className={`${ITEM} ${item.key === 'history' ? 'mt-1 border-t border-slate-200 dark:border-slate-600' : ''}`}
              >
                <span className="font-medium">{item.label}</span>
                {item.hint && <span className="text-xs text-slate-500 group-focus:text-white dark:text-slate-400">{item.hint}</span>}
              </li>
            ))}
          </ul>
        )}
        <span role="status" className="sr-only">{running !== null ? `Preparing the ${FORMAT_LABEL[running]}…` : saved}</span>
      </div>
      {error && (
        <div role="alert" className="order-last flex basis-full items-start gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          <span className="flex-1">{error}</span>
          <button
            type="button"
            onClick={() => { setError(null); button.current?.focus(); }}
            className="rounded px-1 text-red-900 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-red-700 dark:text-red-200 dark:hover:bg-red-900"
          >
            Dismiss
          </button>
        </div>
      )}
      {history && (
        <Suspense fallback={null}>
          <ExportHistory token={p.token} canVerify={p.canVerifyAudit} onClose={() => { setHistory(false); button.current?.focus(); }} />
        </Suspense>
      )}
    </>
  );
}

function Spinner() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 animate-spin" fill="none">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
