import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { BUTTON } from './styles';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  /** The dialog's accessible name and heading. */
  title: string;
  /** Escape, the Close button and a click on the backdrop; the opener puts focus back on itself. */
  onClose: () => void;
  /** Tailwind max-width of the dialog. */
  width?: string;
  children: ReactNode;
}

/**
 * A modal dialog: focus starts on its title, it owns the keyboard (the dashboard's shortcuts behind it stay still),
 * Escape closes, Tab and Shift+Tab cycle within it.
 */
export function Dialog({ title, onClose, width = 'max-w-6xl', children }: DialogProps) {
  const base = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const onKey = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') { e.preventDefault(); onClose(); return; }
    if (e.key !== 'Tab' || !dialog.current) return;
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0], last = focusable[focusable.length - 1];
    if (e.shiftKey && (document.activeElement === first || document.activeElement === heading.current)) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  };

  return (
    <div
      className="fixed inset-0 z-40 flex items-stretch justify-center bg-slate-900/50 sm:items-start sm:p-6"
      onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${base}-title`}
        onKeyDown={onKey}
        className={`flex w-full ${width} flex-col bg-white text-slate-900 shadow-xl sm:max-h-full sm:rounded-xl dark:bg-slate-900 dark:text-slate-100`}
      >
        <div className="flex items-center gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
          <h2 id={`${base}-title`} ref={heading} tabIndex={-1} className="mr-auto text-base font-semibold focus:outline-none">{title}</h2>
          <button type="button" onClick={onClose} className={BUTTON}>Close</button>
        </div>
        {children}
      </div>
    </div>
  );
}
