import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { FakePlot, installBrowserStubs } from './fakeUplot';

// jsdom has no canvas (uPlot also reads matchMedia as it loads): every test that renders a chart gets the stand-in.
vi.mock('uplot', async () => ({ default: (await import('./fakeUplot')).FakePlot }));

beforeEach(() => {
  FakePlot.reset();
  installBrowserStubs();
});
afterEach(() => cleanup());
