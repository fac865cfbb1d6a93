import { describe, expect, it } from 'vitest';
import { overview } from '../test/fixture';
import { buildCards, CARD_IDS } from './cards';

describe('cards', () => {
  it('puts the new-users and agents cards after the nine older ones', () => {
    expect(CARD_IDS).toEqual(['dau', 'totalRuns', 'successRate', 'credits', 'activeWorkspaces', 'mrr', 'churn', 'ltvCac', 'p95Runtime', 'newUsers', 'agents']);
  });

  it('reads the new cards\' numbers and what is better from the overview\'s metricInfo', () => {
    const data = overview();
    data.meta.metricInfo = { ...data.meta.metricInfo, activeRate: { unit: 'ratio', changeUnit: null, higherIsBetter: false, description: 'x' } };
    const cards = buildCards(data);
    const newUsers = cards.find((c) => c.id === 'newUsers')!;
    expect(newUsers).toMatchObject({ title: 'New users', value: 30, degraded: false, info: data.meta.metricInfo.newUsers });
    expect(newUsers.change).toBeUndefined(); // no change in the contract: no badge
    expect(newUsers.extras).toEqual([
      { label: 'Churned users', value: 4, unit: 'count', change: undefined, changeUnit: null, higherIsBetter: false },
      { label: 'Active rate', value: 62.5, unit: 'ratio', change: undefined, changeUnit: null, higherIsBetter: false },
    ]);
    const agents = cards.find((c) => c.id === 'agents')!;
    expect(agents).toMatchObject({ title: 'Active agents', value: 9, degraded: false, info: data.meta.metricInfo.activeAgents });
    expect(agents.extras).toEqual([{ label: 'Total agents', value: 12, unit: 'count', change: undefined, changeUnit: null, higherIsBetter: true }]);
  });
});
