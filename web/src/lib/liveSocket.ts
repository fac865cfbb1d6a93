// One WebSocket to /ws with subscribe, reconnect-with-backoff and status, as plain code: the socket
// constructor and the timers are injected so that the tests drive it without a network.
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { ActivityFrame, LiveFrame, MetricsUpdateFrame } from './types';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface LiveSocketOptions {
  url: () => string;
  scope: string;
  createSocket?: (url: string) => SocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  backoff?: BackoffOptions;
  onStatus?: (status: LiveStatus) => void;
  onMetricsUpdate?: (frame: MetricsUpdateFrame) => void;
  onActivity?: (frame: ActivityFrame) => void;
  /** After a reconnect is confirmed: frames may have been missed, so the page refetches. */
  onResubscribed?: () => void;
  /** The server closed with 1008 "token expired": get a new token; the socket retries with it. */
  onTokenExpired?: () => void;
  /** The server refused the scope (1008 for another reason): retrying would not help. */
  onForbidden?: (reason: string) => void;
}

const OPEN = 1;
const POLICY_VIOLATION = 1008;

export class LiveSocket {
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private everSubscribed = false;
  private stopped = false;
  private status: LiveStatus = 'connecting';
  private readonly o: Required<Omit<LiveSocketOptions, 'onMetricsUpdate' | 'onActivity' | 'onResubscribed' | 'onTokenExpired' | 'onForbidden' | 'onStatus'>> & LiveSocketOptions;

  constructor(options: LiveSocketOptions) {
    this.o = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      random: Math.random,
      backoff: DEFAULT_BACKOFF,
      ...options,
    };
  }

  get currentStatus(): LiveStatus { return this.status; }
  get attempts(): number { return this.attempt; }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.onerror = null;
      s.onopen = null;
      try { s.close(1000, 'page closed'); } catch { /* already closed */ }
    }
    this.setStatus('stopped');
  }

  private connect(): void {
    if (this.stopped) return;
    this.setStatus(this.everSubscribed || this.attempt > 0 ? 'reconnecting' : 'connecting');
    let socket: SocketLike;
    try {
      socket = this.o.createSocket(this.o.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (socket.readyState === OPEN || socket.readyState === undefined) socket.send(JSON.stringify({ subscribe: this.o.scope }));
    };
    socket.onmessage = (ev) => this.handle(ev.data);
    socket.onerror = () => { /* onclose follows and decides */ };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      if (ev.code === POLICY_VIOLATION) {
        if (/token expired/i.test(ev.reason)) {
          this.o.onTokenExpired?.();
        } else {
          this.o.onForbidden?.(ev.reason);
          this.setStatus('stopped');
          this.stopped = true;
          return;
        }
      }
      this.scheduleReconnect();
    };
  }

  private handle(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: LiveFrame;
    try { frame = JSON.parse(data) as LiveFrame; } catch { return; }
    switch (frame.event) {
      case 'subscribed': {
        const reconnected = this.everSubscribed;
        this.everSubscribed = true;
        this.attempt = 0;
        this.setStatus('live');
        if (reconnected) this.o.onResubscribed?.();
        break;
      }
      case 'metrics_update':
        this.o.onMetricsUpdate?.(frame);
        break;
      case 'activity':
        this.o.onActivity?.(frame);
        break;
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt, this.o.backoff, this.o.random);
    this.attempt++;
    this.setStatus('reconnecting');
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.o.onStatus?.(status);
  }
}

/** ws(s)://host/ws?access_token=… for the page's own origin (the token goes in the socket URL only:
 *  browsers cannot set headers on a WebSocket; it never enters the page's URL). */
export function socketUrl(location: { protocol: string; host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws?access_token=${encodeURIComponent(token)}`;
}
