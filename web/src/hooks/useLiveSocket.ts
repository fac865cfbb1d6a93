import { useEffect, useRef, useState } from 'react';
import { LiveSocket, socketUrl, type LiveStatus } from '../lib/liveSocket';
import type { ActivityFrame, MetricsUpdateFrame } from '../lib/types';

export interface LiveHandlers {
  onMetricsUpdate: (f: MetricsUpdateFrame) => void;
  onActivity: (f: ActivityFrame) => void;
  onResubscribed: () => void;
  onTokenExpired: () => void;
}

/** One socket per (token, scope); handlers are read through a ref so that they never reconnect it. */
export function useLiveSocket(token: string | null, scope: string | null, handlers: LiveHandlers): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const ref = useRef(handlers);
  ref.current = handlers;
  const tokenRef = useRef(token);
  tokenRef.current = token;

  useEffect(() => {
    if (!token || !scope) return;
    const live = new LiveSocket({
      url: () => socketUrl(window.location, tokenRef.current ?? token),
      scope,
      onStatus: setStatus,
      onMetricsUpdate: (f) => ref.current.onMetricsUpdate(f),
      onActivity: (f) => ref.current.onActivity(f),
      onResubscribed: () => ref.current.onResubscribed(),
      onTokenExpired: () => ref.current.onTokenExpired(),
    });
    live.start();
    return () => live.stop();
    // A renewed token is picked up by the next reconnect through tokenRef; it does not reopen the socket.
  }, [scope, token === null]);

  return status;
}
