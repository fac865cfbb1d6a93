import { describe, expect, it, vi } from 'vitest';
import type uPlot from 'uplot';
import { drawMarks, plotOptions, xRange, yRange, yTicks } from './plotOptions';

const hooks = { textColor: () => 'rgb(100, 116, 139)', onDraw: vi.fn(), onCursor: vi.fn() };
const series = [{ key: 'value' as const, label: 'MRR', color: '#0ea5e9', area: true }];

describe('yTicks', () => {
  it('formats each split and leaves fractional ticks of counts blank', () => {
    expect(yTicks([0, 0.5, 1, 1500], { formatAxis: (n) => `${n}!`, integer: true })).toEqual(['0!', '', '1!', '1500!']);
    expect(yTicks([0, 0.5], { formatAxis: (n) => `${n}%` })).toEqual(['0%', '0.5%']);
  });
});

describe('yRange', () => {
  it('pads 8% of the span, never below zero for positive data, and starts rates at zero', () => {
    expect(yRange(100, 200, false)).toEqual([92, 208]);
    expect(yRange(2, 102, false)).toEqual([0, 110]);
    expect(yRange(2, 6, true)).toEqual([0, 6.48]);
    expect(yRange(-10, 10, false)).toEqual([-11.6, 11.6]);
  });
  it('gives a flat series a visible band and no data a unit range', () => {
    expect(yRange(50, 50, false)).toEqual([45, 55]);
    expect(yRange(null, null, false)).toEqual([0, 1]);
  });
});

describe('plotOptions', () => {
  it('formats time ticks per timeframe, fills areas, and draws MRR as steps after each point', () => {
    const o = plotOptions({ series, formatAxis: (n) => `$${n}`, step: true }, '90d', 640, hooks);
    expect(o.width).toBe(640);
    const x = o.axes![0].values as (u: uPlot, splits: number[]) => string[];
    expect(x({} as uPlot, [1788782400])).toEqual(['Sep 7']);
    const y = o.axes![1].values as (u: uPlot, splits: number[]) => string[];
    expect(y({} as uPlot, [1000])).toEqual(['$1000']);
    expect(o.series[1]).toMatchObject({ label: 'MRR', stroke: '#0ea5e9', fill: '#0ea5e933', paths: { stepped: { align: 1 } } });
    expect((o.axes![0].stroke as () => string)()).toBe('rgb(100, 116, 139)');
  });
  it('draws lines without fill or steps when not asked', () => {
    const o = plotOptions({ series: [{ ...series[0], area: false }], formatAxis: String }, '24h', 300, hooks);
    expect(o.series[1].fill).toBeUndefined();
    expect(o.series[1].paths).toBeUndefined();
  });
});

describe('annotations on the canvas', () => {
  const note = (id: string, at: string, kind = 'incident') => ({ id, at, scope: 'ws_1', kind, text: id });
  it('stretch the x range to the latest one after the last point, and only then', () => {
    expect(xRange(100, 200, [])).toEqual([100, 200]);
    expect(xRange(1788782400, 1788786000, [note('a', '2026-09-07T13:30:00Z')])).toEqual([1788782400, 1788787800]);
    expect(xRange(1788782400, 1788786000, [note('a', '2026-09-07T12:30:00Z'), note('b', '2026-09-07T11:00:00Z')])).toEqual([1788782400, 1788786000]);
    expect(xRange(null, null, [note('a', '2026-09-07T13:30:00Z')])).toEqual([null, null]);
  });
  it('are dashed lines across the plotting area in their kind colour, those outside the x range left out', () => {
    const strokes: { color: string; from: number[]; to: number[] }[] = [];
    let from: number[] = [];
    let to: number[] = [];
    const ctx = {
      strokeStyle: '', lineWidth: 0, save() {}, restore() {}, setLineDash: vi.fn(), beginPath() {},
      moveTo(x: number, y: number) { from = [x, y]; }, lineTo(x: number, y: number) { to = [x, y]; },
      stroke() { strokes.push({ color: this.strokeStyle, from, to }); },
    };
    const u = {
      scales: { x: { min: 1000, max: 2000 } }, bbox: { left: 50, top: 20, width: 1000, height: 300 }, ctx,
      valToPos: (v: number) => 50 + (v - 1000),
    } as unknown as uPlot;
    const at = (s: number) => new Date(s * 1000).toISOString();
    drawMarks(u, [note('deploy', at(1500), 'deploy'), note('before', at(999)), note('incident', at(2000)), note('after', at(2001))]);
    expect(strokes).toEqual([
      { color: '#8b5cf6', from: [550, 20], to: [550, 320] },
      { color: '#f97316', from: [1050, 20], to: [1050, 320] },
    ]);
    expect(ctx.setLineDash).toHaveBeenCalled();
  });
});
