// What a webview page must not do in the UI tests: throw, or have the CSP refuse something.
import type { Page } from 'playwright-core';

/** Script errors and CSP refusals in the workbench and its webviews, collected from now on. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  return problems;
}
