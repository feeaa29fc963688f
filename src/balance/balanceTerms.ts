import { Balance } from '../api/types';
import { l10n } from '../util/l10n';
import { formatAmount } from '../util/money';

/** One figure of the balance: its name and its amount, formatted. */
export interface BalanceFigure {
  readonly name: string;
  readonly amount: string;
}

/**
 * The figures of GET /v2/customers/my/balance under the names DigitalOcean gives them (its
 * billing page, API reference and doctl), so the row, its tooltip and the status bar say the
 * same: the month-to-date balance is the account balance plus the month-to-date usage.
 */
export function balanceFigures(balance: Balance, locale: string): { readonly monthToDateBalance: BalanceFigure; readonly accountBalance: BalanceFigure; readonly monthToDateUsage: BalanceFigure } {
  return {
    monthToDateBalance: { name: l10n.t('Month-to-date balance'), amount: formatAmount(balance.monthToDateBalance, locale) },
    accountBalance: { name: l10n.t('Account balance'), amount: formatAmount(balance.accountBalance, locale) },
    monthToDateUsage: { name: l10n.t('Month-to-date usage'), amount: formatAmount(balance.monthToDateUsage, locale) },
  };
}

/**
 * A term a tooltip must not break across lines: its spaces and hyphens become ones that do
 * not break (U+00A0, U+2011). Hovers wrap at hyphens: "Month-" at the end of one line and
 * "to-date" on the next reads as two words.
 */
export function unbreakable(term: string): string {
  return keepHyphenatedWords(term).replace(/ /g, '\u00a0');
}

/** Text whose hyphenated words ("month-end") stay on one line; a minus sign before a digit stays as it is. */
export function keepHyphenatedWords(text: string): string {
  return text.replace(/(?<=\p{L})-(?=\p{L})/gu, '\u2011');
}

/**
 * Text for MarkdownString.appendMarkdown, escaped. Unlike appendText, which turns every space
 * into one that does not break, it lets a sentence wrap between its words.
 */
export function wrappingText(text: string): string {
  return keepHyphenatedWords(text).replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
