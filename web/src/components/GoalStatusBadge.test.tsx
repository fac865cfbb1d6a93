import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GoalStatusBadge } from './GoalStatusBadge';

describe('GoalStatusBadge', () => {
  it('says each status in words, and Pending before the first evaluation', () => {
    const { container } = render(<>{(['met', 'onTrack', 'atRisk', 'offTrack', null] as const).map((s) => <GoalStatusBadge key={String(s)} status={s} />)}</>);
    expect([...container.querySelectorAll('[data-status]')].map((b) => `${b.getAttribute('data-status')}:${b.textContent}`))
      .toEqual(['met:Met', 'onTrack:On track', 'atRisk:At risk', 'offTrack:Off track', 'pending:Pending']);
    expect(screen.getByText('Off track').className).toContain('dark:text-red-200');
  });
});
