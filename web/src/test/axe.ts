import axe from 'axe-core';

/**
 * axe-core's serious and critical findings in a part of the page, as "rule: target" lines. Colour contrast needs a
 * layout, which jsdom has not: the browser tests check it, and SeverityBadge.test.tsx the badges' colours.
 */
export async function axeFindings(context: Element): Promise<string[]> {
  const result = await axe.run(context, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
