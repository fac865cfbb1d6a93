import { describe, expect, it, vi } from 'vitest';
import type uPlot from 'uplot';
import { plotOptions, yRange, yTicks } from './plotOptions';

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
