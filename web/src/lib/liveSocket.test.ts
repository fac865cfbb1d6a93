import { describe, expect, it, vi } from 'vitest';
import { LiveSocket, socketUrl, type LiveStatus, type SocketLike } from './liveSocket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed: { code?: number; reason?: string } | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(public url: string) {}
  send(data: string) { this.sent.push(data); }
  close(code?: number, reason?: string) { this.closed = { code, reason }; }
  open() { this.readyState = 1; this.onopen?.({}); }
  receive(frame: object) { this.onmessage?.({ data: JSON.stringify(frame) }); }
  drop(code = 1006, reason = '') { this.readyState = 3; this.onclose?.({ code, reason }); }
}

function harness(overrides: Partial<ConstructorParameters<typeof LiveSocket>[0]> = {}) {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const statuses: LiveStatus[] = [];
  const events = { updates: 0, activity: [] as string[], resubscribed: 0, expired: 0, forbidden: [] as string[] };
  let token = 't1';
  const live = new LiveSocket({
    url: () => `ws://h/ws?access_token=${token}`,
    scope: 'ws_1',
    createSocket: (url) => { const s = new FakeSocket(url); sockets.push(s); return s; },
    setTimer: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimer: () => {},
    random: () => 1,
    backoff: { baseMs: 100, maxMs: 1000, jitter: 0 },
    onStatus: (s) => statuses.push(s),
    onMetricsUpdate: () => events.updates++,
    onActivity: (f) => events.activity.push(f.text),
    onResubscribed: () => events.resubscribed++,
    onTokenExpired: () => { events.expired++; token = 't2'; },
    onForbidden: (r) => events.forbidden.push(r),
    ...overrides,
  });
  const fire = () => { const t = timers.shift()!; t.fn(); return t.ms; };
  return { live, sockets, timers, statuses, events, fire };
}

describe('LiveSocket', () => {
  it('subscribes on open and is live once the server confirms', () => {
    const h = harness();
    h.live.start();
    expect(h.live.currentStatus).toBe('connecting');
    h.sockets[0].open();
    expect(h.sockets[0].sent).toEqual(['{"subscribe":"ws_1"}']);
    h.sockets[0].receive({ event: 'subscribed', workspaceId: 'ws_1', at: 'x' });
    expect(h.live.currentStatus).toBe('live');
    expect(h.events.resubscribed).toBe(0);
  });

  it('routes metrics_update and activity frames and ignores junk', () => {
    const h = harness();
    h.live.start();
    h.sockets[0].open();
    h.sockets[0].receive({ event: 'metrics_update', workspaceId: 'ws_1', sections: ['executionMetrics'], at: 'x' });
    h.sockets[0].receive({ event: 'activity', workspaceId: 'ws_1', kind: 'run.failed', text: 'Bot failed', at: 'x' });
    h.sockets[0].onmessage?.({ data: 'not json' });
    h.sockets[0].receive({ event: 'something_new' });
    expect(h.events.updates).toBe(1);
    expect(h.events.activity).toEqual(['Bot failed']);
  });

  it('reconnects with growing delays, resets them after a confirmed subscription, and asks for a refetch', () => {
    const h = harness();
    h.live.start();
    h.sockets[0].open();
    h.sockets[0].receive({ event: 'subscribed', workspaceId: 'ws_1', at: 'x' });
    h.sockets[0].drop();
    expect(h.live.currentStatus).toBe('reconnecting');
    expect(h.fire()).toBe(100);
    h.sockets[1].drop();
    expect(h.fire()).toBe(200);
    h.sockets[2].drop();
    expect(h.fire()).toBe(400);
    h.sockets[3].open();
    h.sockets[3].receive({ event: 'subscribed', workspaceId: 'ws_1', at: 'x' });
    expect(h.live.currentStatus).toBe('live');
    expect(h.events.resubscribed).toBe(1);
    expect(h.live.attempts).toBe(0);
    h.sockets[3].drop();
    expect(h.fire()).toBe(100);
    expect(h.statuses).toEqual(['live', 'reconnecting', 'live', 'reconnecting']);
  });

  it('caps the delay', () => {
    const h = harness();
    h.live.start();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) { h.sockets[i].drop(); delays.push(h.fire()); }
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('renews the token on 1008 "token expired" and reconnects with the new one', () => {
    const h = harness();
    h.live.start();
    h.sockets[0].open();
    h.sockets[0].drop(1008, 'token expired');
    expect(h.events.expired).toBe(1);
    h.fire();
    expect(h.sockets[1].url).toBe('ws://h/ws?access_token=t2');
  });

  it('stops for good when the scope is refused', () => {
    const h = harness();
    h.live.start();
    h.sockets[0].open();
    h.sockets[0].drop(1008, "this token may not see 'ws_1'");
    expect(h.events.forbidden).toEqual(["this token may not see 'ws_1'"]);
    expect(h.timers).toHaveLength(0);
    expect(h.live.currentStatus).toBe('stopped');
  });

  it('stop() closes the socket, cancels the retry and reports nothing after', () => {
    const clearTimer = vi.fn();
    const h = harness({ clearTimer });
    h.live.start();
    h.sockets[0].drop();
    h.live.stop();
    expect(clearTimer).toHaveBeenCalledTimes(1);
    expect(h.live.currentStatus).toBe('stopped');
    expect(h.sockets[0].closed).toBeNull();
    h.live.start();
    h.live.stop();
    expect(h.sockets[1].closed).toEqual({ code: 1000, reason: 'page closed' });
  });

  it('builds ws/wss URLs with the token escaped', () => {
    expect(socketUrl({ protocol: 'http:', host: 'localhost:5173' }, 'a.b+c')).toBe('ws://localhost:5173/ws?access_token=a.b%2Bc');
    expect(socketUrl({ protocol: 'https:', host: 'dash.example' }, 't')).toBe('wss://dash.example/ws?access_token=t');
  });
});
