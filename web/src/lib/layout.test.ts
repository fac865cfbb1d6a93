import { describe, expect, it } from 'vitest';
import { CARD_IDS } from './cards';
import { layoutToSave, MAX_LAYOUT_CARDS, moveCard, parseLayout, resolveLayout, setVisible, type CardSetting } from './layout';

const on = (id: string): CardSetting => ({ id, visible: true });
const off = (id: string): CardSetting => ({ id, visible: false });

describe('card layout', () => {
  it('without a stored layout, every known card is shown in the default order', () => {
    expect(resolveLayout(['a', 'b', 'c'], null)).toEqual([on('a'), on('b'), on('c')]);
    expect(resolveLayout(CARD_IDS, []).map((c) => c.id)).toEqual(CARD_IDS);
  });

  it('applies the stored order and visibility, skips unknown and repeated ids, appends the cards it lacks', () => {
    const stored = [on('future'), off('c'), on('a'), on('c')];
    expect(resolveLayout(['a', 'b', 'c', 'd'], stored)).toEqual([off('c'), on('a'), on('b'), on('d')]);
  });

  it('shows the new-users and agents cards at the end of a layout saved with the nine older cards', () => {
    const nine = ['p95Runtime', 'dau', 'totalRuns', 'successRate', 'credits', 'activeWorkspaces', 'mrr', 'churn', 'ltvCac'];
    expect(resolveLayout(CARD_IDS, nine.map((id) => (id === 'dau' ? off(id) : on(id))))).toEqual([
      on('p95Runtime'), off('dau'), on('totalRuns'), on('successRate'), on('credits'), on('activeWorkspaces'), on('mrr'), on('churn'), on('ltvCac'),
      on('newUsers'), on('agents'),
    ]);
  });

  it('saves unknown ids in the slots they had and the edited cards in the rest', () => {
    const stored = [on('a'), on('future'), off('b')];
    const edited = [off('b'), on('a'), on('new')];
    expect(layoutToSave(edited, stored)).toEqual([off('b'), on('future'), on('a'), on('new')]);
    expect(layoutToSave(edited, null)).toEqual(edited);
  });

  it('drops unknown ids first when a save would pass the server limit', () => {
    const stored = Array.from({ length: MAX_LAYOUT_CARDS }, (_, i) => on(`x${i}`));
    const saved = layoutToSave([on('a'), on('b')], stored);
    expect(saved).toHaveLength(MAX_LAYOUT_CARDS);
    expect(saved.slice(-2)).toEqual([on('a'), on('b')]);
  });

  it('moves a card up or down and stops at either end', () => {
    const cards = [on('a'), on('b'), on('c')];
    expect(moveCard(cards, 'c', -1).map((c) => c.id)).toEqual(['a', 'c', 'b']);
    expect(moveCard(cards, 'a', 1).map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect(moveCard(cards, 'a', -1).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(moveCard(cards, 'c', 5).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(setVisible(cards, 'b', false)).toEqual([on('a'), off('b'), on('c')]);
  });

  it('reads a server answer defensively', () => {
    expect(parseLayout({ cards: [on('a'), { id: 'b' }, null, { id: 3, visible: true }, { ...off('c'), width: 2 }], updatedAt: 'x' }))
      .toEqual([on('a'), off('c')]);
    expect(parseLayout({ title: 'Forbidden' })).toBeNull();
    expect(parseLayout(null)).toBeNull();
  });
});
