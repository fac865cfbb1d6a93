// A person's arrangement of the metric cards, as the users service keeps it (GET/PUT /api/users/me/layout):
// the cards in display order, each shown or hidden. The server keeps any id; this page shows the ids it knows.

export interface CardSetting { id: string; visible: boolean }

/** The users service refuses more (a 400 problem). */
export const MAX_LAYOUT_CARDS = 50;

/** A server answer read defensively: anything but { cards: [{ id: string, visible: boolean }] } is no layout. */
export function parseLayout(body: unknown): CardSetting[] | null {
  const cards = (body as { cards?: unknown } | null)?.cards;
  if (!Array.isArray(cards)) return null;
  return cards.filter((c): c is CardSetting =>
    typeof c === 'object' && c !== null && typeof (c as CardSetting).id === 'string' && typeof (c as CardSetting).visible === 'boolean')
    .map(({ id, visible }) => ({ id, visible }));
}

/**
 * The cards this page shows, in order: the stored ones it knows (an id it does not know, from a newer page,
 * is skipped), then every card it knows that the layout lacks (a card added since), shown, in default order.
 */
export function resolveLayout(known: readonly string[], stored: readonly CardSetting[] | null | undefined): CardSetting[] {
  const knownIds = new Set(known);
  const seen = new Set<string>();
  const cards: CardSetting[] = [];
  for (const c of stored ?? []) {
    if (knownIds.has(c.id) && !seen.has(c.id)) {
      seen.add(c.id);
      cards.push({ id: c.id, visible: c.visible });
    }
  }
  for (const id of known) {
    if (!seen.has(id)) cards.push({ id, visible: true });
  }
  return cards;
}

/**
 * What to save after an edit: the edited cards (every card this page knows, in their new order) written into the
 * slots the stored layout gave to cards this page knows, so that ids of a newer page keep their places.
 */
export function layoutToSave(edited: readonly CardSetting[], stored: readonly CardSetting[] | null | undefined): CardSetting[] {
  const editedIds = new Set(edited.map((c) => c.id));
  const queue = [...edited];
  const result: CardSetting[] = [];
  const placed = new Set<string>();
  for (const c of stored ?? []) {
    if (placed.has(c.id)) continue;
    placed.add(c.id);
    if (!editedIds.has(c.id)) result.push(c);
    else if (queue.length > 0) result.push(queue.shift()!);
  }
  result.push(...queue);
  // Unknown ids give way first if the list would be refused.
  for (let i = result.length - 1; i >= 0 && result.length > MAX_LAYOUT_CARDS; i--) {
    if (!editedIds.has(result[i].id)) result.splice(i, 1);
  }
  return result;
}

export function setVisible(cards: readonly CardSetting[], id: string, visible: boolean): CardSetting[] {
  return cards.map((c) => (c.id === id ? { ...c, visible } : c));
}

/** Moves a card by `delta` places (−1 up, +1 down), stopping at either end. */
export function moveCard(cards: readonly CardSetting[], id: string, delta: number): CardSetting[] {
  const from = cards.findIndex((c) => c.id === id);
  if (from < 0) return [...cards];
  const to = Math.max(0, Math.min(cards.length - 1, from + delta));
  const next = [...cards];
  const [card] = next.splice(from, 1);
  next.splice(to, 0, card);
  return next;
}
