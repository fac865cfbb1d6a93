import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TopUser } from '../lib/types';
import { TopUsersTable } from './TopUsersTable';

const now = new Date('2026-01-08T00:00:00Z');
const users: TopUser[] = [
  { id: 'u_1', workspaceId: 'ws_1', name: 'Ann', runs: 1500, creditsUsed: 120, lastActiveAt: '2026-01-07T22:00:00Z' },
  { id: 'u_2', workspaceId: 'ws_3', name: null, runs: 7, creditsUsed: 3, lastActiveAt: null },
];

const table = () => within(screen.getByRole('region', { name: 'Top users' })).getByRole('table');
const headers = () => within(table()).getAllByRole('columnheader').map((h) => h.textContent);
const cells = () => within(table()).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));

describe('TopUsersTable', () => {
  it('in a workspace: user, runs, credits and when last active', () => {
    render(<TopUsersTable users={users} platform={false} degraded={[]} now={now} />);
    expect(headers()).toEqual(['User', 'Runs', 'Credits', 'Last active']);
    expect(cells()).toEqual([['Ann', '1,500', '120', '2 h ago'], ['u_2', '7', '3', 'n/a']]);
  });

  it('at the platform scope: each user names its workspace, a button that switches the scope to it', () => {
    const onScopeChange = vi.fn();
    render(<TopUsersTable users={users} platform degraded={[]} now={now} onScopeChange={onScopeChange} />);
    expect(headers()).toEqual(['User', 'Workspace', 'Runs', 'Credits', 'Last active']);
    expect(cells()[1]).toEqual(['u_2', 'ws_3', '7', '3', 'n/a']);
    fireEvent.click(screen.getByRole('button', { name: 'Show workspace ws_3' }));
    expect(onScopeChange).toHaveBeenCalledWith('ws_3');
  });

  it('says when nobody ran anything', () => {
    render(<TopUsersTable users={[]} platform={false} degraded={[]} now={now} />);
    expect(cells()).toEqual([['No runs in this period.']]);
    expect(within(table()).getByRole('cell').getAttribute('colspan')).toBe('4');
  });
});
