import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { colours, contrast } from '../test/contrast';
import { SEVERITY_CLASS, SeverityBadge } from './SeverityBadge';

describe('SeverityBadge', () => {
  it('shows the severity as a word in its colours; an unknown one looks like low', () => {
    render(<><SeverityBadge severity="high" /><SeverityBadge severity="odd" /></>);
    expect(screen.getByText('high').className).toContain(SEVERITY_CLASS.high);
    expect(screen.getByText('odd').className).toContain(SEVERITY_CLASS.low);
  });

  it.each(Object.keys(SEVERITY_CLASS))('%s: text against its badge at 4.5:1 or more, light and dark', (severity) => {
    const { light, dark } = colours(SEVERITY_CLASS[severity]);
    expect(contrast(light.text, light.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dark.text, dark.bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('measures as the issue did: white on orange-500 is 2.9:1', () => {
    expect(contrast('white', 'orange-500')).toBeCloseTo(2.89, 1);
  });
});
