import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * Three of axe's best practices besides WCAG 2.1 AA: a screen reader lists a page's headings and
 * landmarks, and an outline that skips levels, several landmarks of one name or content outside
 * every landmark make a page hard to move about in.
 */
const OUTLINE_RULES = ['heading-order', 'landmark-unique', 'region'];

/**
 * Runs axe on the page as it is now: every WCAG 2.1 AA violation and every breach of the outline
 * rules, each as a paragraph under `where`, and the WCAG run's results needing review.
 */
export async function axeProblems(page: Page, where: string) {
  const wcag = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const outline = await new AxeBuilder({ page }).withRules(OUTLINE_RULES).analyze();
  const problems = [...wcag.violations, ...outline.violations].map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}\n      ${n.html.slice(0, 240)}`)
      .join('\n');
    const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more element(s)` : '';
    return `${where}: [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
  });
  return { problems, incomplete: wcag.incomplete };
}
