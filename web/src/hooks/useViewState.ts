import { useCallback, useEffect, useState } from 'react';
import { parseViewState, toSearch, type ViewState } from '../lib/urlState';

/** Timeframe, scope and asOf from/to the query string; pushState per change so the back button steps back. */
export function useViewState(): [ViewState, (next: Partial<ViewState>) => void] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((next: Partial<ViewState>) => {
    setState((prev) => {
      const merged = { ...prev, ...next };
      if (merged.timeframe === prev.timeframe && merged.scope === prev.scope && merged.asOf === prev.asOf) return prev;
      window.history.pushState(null, '', toSearch(merged, window.location.search));
      return merged;
    });
  }, []);

  return [state, update];
}
