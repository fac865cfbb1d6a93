// jsdom has no canvas, no ResizeObserver and no matchMedia: a stand-in for uPlot that records what the page asks of it,
// and the two browser APIs the charts use. Only for component tests; the pure parts are tested without it.
import type uPlot from 'uplot';

type Hook = (u: FakePlot) => void;

export class FakePlot {
  static instances: FakePlot[] = [];
  static paths = { stepped: (opts: object) => ({ stepped: opts }) };
  width: number;
  cursor: { idx: number | null } = { idx: null };
  destroyed = false;
  sizes: number[] = [];
  dataSets: uPlot.AlignedData[];

  constructor(public opts: uPlot.Options, data: uPlot.AlignedData, public target: HTMLElement) {
    this.width = opts.width;
    this.dataSets = [data];
    FakePlot.instances.push(this);
    this.fire('draw');
  }
  setData(data: uPlot.AlignedData) { this.dataSets.push(data); this.fire('draw'); }
  setSize({ width }: { width: number; height: number }) { this.width = width; this.sizes.push(width); this.fire('draw'); }
  redraw() { this.fire('draw'); }
  destroy() { this.destroyed = true; }
  /** What the pointer does over the canvas. */
  hover(idx: number | null) { this.cursor.idx = idx; this.fire('setCursor'); }
  private fire(name: 'draw' | 'setCursor') {
    for (const hook of ((this.opts.hooks as Record<string, Hook[] | undefined>)[name] ?? [])) hook(this);
  }
  static reset() { FakePlot.instances = []; }
}

const observers: FakeResizeObserver[] = [];
let initialWidth = 600;

class FakeResizeObserver {
  private targets: Element[] = [];
  constructor(private callback: ResizeObserverCallback) { observers.push(this); }
  observe(target: Element) { this.targets.push(target); this.resize(initialWidth); }
  unobserve() {}
  disconnect() { this.targets = []; }
  resize(width: number) {
    if (this.targets.length === 0) return;
    this.callback(this.targets.map((target) => ({ target, contentRect: { width } }) as unknown as ResizeObserverEntry), this as unknown as ResizeObserver);
  }
}

/** Every observed element now has this width (as a window resize would do). */
export function resizeAll(width: number) { initialWidth = width; observers.forEach((o) => o.resize(width)); }

export function installBrowserStubs() {
  initialWidth = 600;
  observers.length = 0;
  globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
  window.matchMedia = ((query: string) => ({
    matches: false, media: query, addEventListener: () => {}, removeEventListener: () => {},
  })) as unknown as typeof window.matchMedia;
}
