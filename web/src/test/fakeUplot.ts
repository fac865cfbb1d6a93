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
  /** The x scale as the options' range makes it of the data; the plotting area 40 px in from the left and 10 down. */
  scales: { x: { min: number | null; max: number | null } } = { x: { min: null, max: null } };
  over = Object.assign(document.createElement('div'), {});
  bbox = { left: 40, top: 10, width: 0, height: 200 };
  /** What was drawn on the canvas beyond the series: each line's colour and x. */
  lines: { color: string; x: number }[] = [];
  ctx = fakeContext(this.lines);

  constructor(public opts: uPlot.Options, data: uPlot.AlignedData, public target: HTMLElement) {
    this.width = opts.width;
    this.dataSets = [data];
    FakePlot.instances.push(this);
    this.layout(data);
    this.fire('draw');
  }
  setData(data: uPlot.AlignedData) { this.dataSets.push(data); this.layout(data); this.fire('draw'); }
  /** CSS pixels from the plotting area's left (canvas pixels with `canvas`, the same here). */
  valToPos(value: number, _scale: string, canvas = false) {
    const { min, max } = this.scales.x;
    return (canvas ? this.bbox.left : 0) + (max === min ? 0 : ((value - min!) / (max! - min!)) * this.bbox.width);
  }
  private layout(data: uPlot.AlignedData) {
    const xs = data[0] as number[];
    const range = this.opts.scales?.x?.range as ((u: unknown, min: number | null, max: number | null) => [number | null, number | null]) | undefined;
    const [min, max] = [xs.length ? Math.min(...xs) : null, xs.length ? Math.max(...xs) : null];
    [this.scales.x.min, this.scales.x.max] = range ? range(this, min, max) : [min, max];
    this.bbox.width = this.width - 60;
    Object.assign(this.over.style, { left: '40px', top: '10px', width: `${this.bbox.width}px`, height: '200px' });
  }
  setSize({ width }: { width: number; height: number }) { this.width = width; this.sizes.push(width); this.layout(this.dataSets.at(-1)!); this.fire('draw'); }
  redraw() { this.fire('draw'); }
  destroy() { this.destroyed = true; }
  /** What the pointer does over the canvas. */
  hover(idx: number | null) { this.cursor.idx = idx; this.fire('setCursor'); }
  private fire(name: 'draw' | 'setCursor') {
    for (const hook of ((this.opts.hooks as Record<string, Hook[] | undefined>)[name] ?? [])) hook(this);
  }
  static reset() { FakePlot.instances = []; }
}

/** A 2D context that remembers the vertical lines stroked on it (moveTo then stroke). */
function fakeContext(lines: { color: string; x: number }[]) {
  let x = 0;
  return {
    strokeStyle: '', lineWidth: 1,
    save() {}, restore() {}, setLineDash() {}, beginPath() {}, lineTo() {},
    moveTo(at: number) { x = at; },
    stroke() { lines.push({ color: this.strokeStyle, x }); },
  };
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
