import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { deleteLayout, fetchLayout, layoutKey, saveLayout } from '../lib/api';
import { CARD_IDS } from '../lib/cards';
import { layoutToSave, moveCard, resolveLayout, setVisible, type CardSetting } from '../lib/layout';

/** Edits close together (a card moved several places) are saved as one PUT. */
export const SAVE_DELAY_MS = 600;

export type SaveStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'error';

type Change = CardSetting[] | 'reset';

export interface CardLayout {
  /** Every card this page knows, in display order, each shown or hidden. */
  cards: CardSetting[];
  status: SaveStatus;
  toggle: (id: string, visible: boolean) => void;
  move: (id: string, delta: number) => void;
  reset: () => void;
  /** Sends a pending change now (Done, retry). */
  save: () => Promise<void>;
}

/**
 * The person's card layout: fetched once alongside the overview (the grid shows the default order until it
 * arrives), changed at once on screen, and saved to the users service shortly after, one request at a time so
 * that an older save never lands after a newer one.
 */
export function useCardLayout(token: string, subject: string): CardLayout {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: layoutKey(subject),
    queryFn: ({ signal }) => fetchLayout(token, signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  // What this page has changed, as it will be stored; it wins over a fetch that arrives after the first edit.
  const [draft, setDraft] = useState<CardSetting[] | null>(null);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const stored = draft ?? query.data ?? null;
  const cards = useMemo(() => resolveLayout(CARD_IDS, stored), [stored]);

  const tokenRef = useRef(token);
  tokenRef.current = token;
  const pending = useRef<Change | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const send = (change: Change, keepalive: boolean) =>
    change === 'reset' ? deleteLayout(tokenRef.current, keepalive) : saveLayout(tokenRef.current, change, keepalive);

  const save = useCallback(() => {
    clearTimeout(timer.current);
    const change = pending.current;
    if (change === null) return chain.current;
    pending.current = null;
    setStatus('saving');
    chain.current = chain.current.then(async () => {
      try {
        await send(change, false);
        client.setQueryData(layoutKey(subject), change === 'reset' ? null : change);
        if (pending.current === null) setStatus('saved');
      } catch {
        pending.current ??= change; // kept for a retry, unless a newer change replaced it
        setStatus('error');
      }
    });
    return chain.current;
  }, [client, subject]);

  const schedule = useCallback((change: Change, delay: number) => {
    pending.current = change;
    setStatus('unsaved');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), delay);
  }, [save]);

  const edit = useCallback((next: CardSetting[]) => {
    const body = layoutToSave(next, stored);
    setDraft(body);
    schedule(body, SAVE_DELAY_MS);
  }, [stored, schedule]);

  // An empty draft is the default order, and outranks a fetch still on its way.
  const reset = useCallback(() => {
    setDraft([]);
    schedule('reset', 0);
  }, [schedule]);

  // A change not yet sent when the page goes away (reload, tab closed) or the dashboard closes (sign-out).
  useEffect(() => {
    const onHide = () => {
      const change = pending.current;
      if (change === null) return;
      pending.current = null;
      clearTimeout(timer.current);
      void send(change, true).catch(() => undefined);
    };
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void save();
    };
  }, [save]);

  return {
    cards,
    status,
    toggle: (id, visible) => edit(setVisible(cards, id, visible)),
    move: (id, delta) => edit(moveCard(cards, id, delta)),
    reset,
    save,
  };
}
