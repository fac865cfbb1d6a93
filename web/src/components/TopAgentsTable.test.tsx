import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TopAgent } from '../lib/types';
import { TopAgentsTable } from './TopAgentsTable';

const agent = (over: Partial<TopAgent>): TopAgent => ({ id: 'ag_1', workspaceId: 'ws_1', name: 'Email Drafter', runs: 1200, successRate: 95.5, avgRuntime: 3.1, ...over });
// Two agents of the same name (and id) in two workspaces: at the platform scope only the workspace tells them apart.
const agents = [agent({}), agent({ workspaceId: 'ws_2', runs: 800, successRate: null, avgRuntime: null, name: null })];

const table = () => within(screen.getByRole('region', { name: 'Top agents' })).getByRole('table');
const headers = () => within(table()).getAllByRole('columnheader').map((h) => h.textContent);
const cells = () => within(table()).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));

describe('TopAgentsTable', () => {
  it('in a workspace: agent, runs, success and runtime', () => {
    render(<TopAgentsTable agents={agents.slice(0, 1)} platform={false} degraded={[]} />);
    expect(headers()).toEqual(['Agent', 'Runs', 'Success', 'Avg runtime']);
    expect(cells()).toEqual([['Email Drafter', '1,200', '95.5%', '3.10 s']]);
  });

  it('at the platform scope: each agent names its workspace, a button that switches the scope to it', () => {
    const onScopeChange = vi.fn();
    render(<TopAgentsTable agents={agents} platform degraded={[]} onScopeChange={onScopeChange} />);
    expect(headers()).toEqual(['Agent', 'Workspace', 'Runs', 'Success', 'Avg runtime']);
    expect(cells()).toEqual([['Email Drafter', 'ws_1', '1,200', '95.5%', '3.10 s'], ['ag_1', 'ws_2', '800', 'n/a', 'n/a']]);
    fireEvent.click(screen.getByRole('button', { name: 'Show workspace ws_2' }));
    expect(onScopeChange).toHaveBeenCalledWith('ws_2');
  });

  it('says when no agent ran, across all its columns', () => {
    render(<TopAgentsTable agents={[]} platform degraded={['agentMetrics']} />);
    expect(cells()).toEqual([['No runs in this period.']]);
    expect(within(table()).getByRole('cell').getAttribute('colspan')).toBe('5');
    expect(screen.getByRole('status').textContent).toMatch(/^Top agents is unavailable/);
  });
});
