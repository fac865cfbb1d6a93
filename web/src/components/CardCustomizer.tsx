import { useEffect, useId, useRef, useState } from 'react';
import type { SaveStatus } from '../hooks/useCardLayout';
import { CARD_TITLES, type CardId } from '../lib/cards';
import type { CardSetting } from '../lib/layout';

export interface CardCustomizerProps {
  cards: CardSetting[];
  status: SaveStatus;
  onToggle: (id: string, visible: boolean) => void;
  onMove: (id: string, delta: number) => void;
  onReset: () => void;
  onRetry: () => void;
  onDone: () => void;
}

const STATUS_TEXT: Record<SaveStatus, string> = {
  idle: 'Changes are saved to your account.',
  unsaved: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved to your account.',
  error: 'Could not save the layout.',
};

const BUTTON = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700';
const PRIMARY = 'ml-auto rounded-lg bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-500';
const MOVE = 'rounded border border-slate-300 px-2 py-0.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-700';

const titleOf = (id: string) => CARD_TITLES[id as CardId] ?? id;

/**
 * The editing panel of the metric cards: a checkbox per card and move up / move down buttons, all reachable by
 * keyboard. The end buttons stay focusable (aria-disabled, not disabled) so that focus never falls off the list
 * when a card reaches the top or the bottom (React re-focuses a button whose row it moved); each move is announced.
 */
export function CardCustomizer({ cards, status, onToggle, onMove, onReset, onRetry, onDone }: CardCustomizerProps) {
  const base = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => headingRef.current?.focus(), []);

  const move = (id: string, index: number, delta: number) => {
    const to = index + delta;
    if (to < 0 || to >= cards.length) return;
    onMove(id, delta);
    setAnnouncement(`${titleOf(id)} moved to position ${to + 1} of ${cards.length}.`);
  };

  return (
    <section
      id="card-customizer"
      aria-labelledby={`${base}-heading`}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onDone(); } }}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${base}-heading`} ref={headingRef} tabIndex={-1} className="text-base font-semibold focus:outline-none">
          Customize cards
        </h2>
        <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
          {STATUS_TEXT[status]}
          {status === 'error' && (
            <button type="button" onClick={onRetry} className="ml-2 text-blue-700 underline hover:no-underline dark:text-blue-300">Try again</button>
          )}
        </p>
      </div>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Tick the cards to show and move them into the order you want.</p>
      <ol aria-label="Metric cards" className="mt-3 grid gap-x-6 sm:grid-cols-2 xl:grid-cols-3">
        {cards.map((card, i) => {
          const title = titleOf(card.id);
          return (
            <li key={card.id} className="flex items-center gap-2 border-b border-slate-100 py-1.5 dark:border-slate-700">
              <input
                id={`${base}-${card.id}-visible`}
                type="checkbox"
                checked={card.visible}
                onChange={(e) => {
                  onToggle(card.id, e.target.checked);
                  setAnnouncement(`${title} ${e.target.checked ? 'shown' : 'hidden'}.`);
                }}
                className="h-4 w-4 accent-blue-600"
              />
              <label htmlFor={`${base}-${card.id}-visible`} className="mr-auto text-sm">
                <span className="mr-1 tabular-nums text-slate-400" aria-hidden="true">{i + 1}.</span>{title}
              </label>
              <button
                type="button"
                aria-label={`Move ${title} up`}
                aria-disabled={i === 0}
                onClick={() => move(card.id, i, -1)}
                className={MOVE}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                aria-label={`Move ${title} down`}
                aria-disabled={i === cards.length - 1}
                onClick={() => move(card.id, i, 1)}
                className={MOVE}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={() => { onReset(); setAnnouncement('Cards reset to the default order, all shown.'); }} className={BUTTON}>
          Reset to default
        </button>
        <button type="button" onClick={onDone} className={PRIMARY}>
          Done
        </button>
      </div>
      <p className="sr-only" aria-live="polite">{announcement}</p>
    </section>
  );
}
