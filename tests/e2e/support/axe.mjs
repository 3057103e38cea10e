// axe-core accessibility check (WCAG 2.0/2.1/2.2 A and AA) for a Playwright page.
import { AxeBuilder } from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page (must come from browser.newContext()) and returns the violations array. */
export async function checkA11y(page, { include, exclude, disableRules } = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  if (disableRules) builder = builder.disableRules(disableRules);
  const results = await builder.analyze();
  return results.violations;
}

/** One line per failing node: "rule-id [impact] target — help". */
export function formatViolations(violations) {
  if (!violations.length) return 'no axe violations';
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} [${v.impact ?? n.impact ?? '?'}] ${JSON.stringify(n.target)} — ${v.help}`),
    )
    .join('\n');
}
