import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Panel } from './Panel';

describe('Panel', () => {
  it('is a section named by its title, with a heading, its actions, notices and body', () => {
    render(<Panel title="Top agents" actions={<button type="button">Alert rules</button>} notices={<p role="status">Stale</p>}><p>body</p></Panel>);
    const section = screen.getByRole('region', { name: 'Top agents' });
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Top agents');
    expect(within(section).getByRole('button', { name: 'Alert rules' })).toBeTruthy();
    expect(within(section).getByRole('status').textContent).toBe('Stale');
    expect(within(section).getByText('body')).toBeTruthy();
  });
  it('leaves out the notices\' space when there are none', () => {
    const { container } = render(<Panel title="Top users"><p>body</p></Panel>);
    expect(container.querySelector('section')!.children).toHaveLength(2);
  });
});
