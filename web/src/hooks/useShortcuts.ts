import { useEffect, useRef } from 'react';
import { TIMEFRAMES, type Timeframe } from '../lib/types';

/** r: refresh; 1–5: timeframe. Ignored while typing in a field or with a modifier key held. */
export function useShortcuts(onRefresh: () => void, onTimeframe: (t: Timeframe) => void): void {
  const ref = useRef({ onRefresh, onTimeframe });
  ref.current = { onRefresh, onTimeframe };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (e.key === 'r' || e.key === 'R') { e.preventDefault(); ref.current.onRefresh(); return; }
      const i = Number(e.key) - 1;
      if (Number.isInteger(i) && i >= 0 && i < TIMEFRAMES.length) { e.preventDefault(); ref.current.onTimeframe(TIMEFRAMES[i]); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
