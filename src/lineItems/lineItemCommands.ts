import * as vscode from 'vscode';
import { InvoiceItem } from '../api/types';
import { COMMANDS } from '../constants';
import { l10n } from '../util/l10n';
import { LineItemNode, lineItemText } from './lineItemNodes';

type Field = 'description' | 'resourceId' | 'resourceUuid';

const VALUES: Record<Field, (item: InvoiceItem) => string | undefined> = {
  description: lineItemText,
  resourceId: (item) => item.resourceId,
  resourceUuid: (item) => item.resourceUuid,
};

function fieldName(field: Field): string {
  return field === 'description' ? l10n.t('description') : field === 'resourceId' ? l10n.t('resource ID') : l10n.t('resource UUID');
}

/** Copies a field of the line item whose context menu ran the command. */
async function copy(arg: unknown, field: Field): Promise<string | undefined> {
  const node = arg as Partial<Extract<LineItemNode, { kind: 'item' }>> | undefined;
  if (node?.kind !== 'item' || !node.item) {
    void vscode.window.showInformationMessage(l10n.t('Right-click a line item in the Invoices view to copy from it.'));
    return undefined;
  }
  const value = VALUES[field](node.item)?.trim();
  if (!value) {
    void vscode.window.showInformationMessage(l10n.t('This line item has no {0}.', fieldName(field)));
    return undefined;
  }
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(l10n.t('Copied the {0} {1}.', fieldName(field), value), 4000);
  return value;
}

/** The copy commands of a line item's context menu. */
export function lineItemCommands() {
  return {
    [COMMANDS.copyLineItemDescription]: (arg: unknown) => copy(arg, 'description'),
    [COMMANDS.copyLineItemResourceId]: (arg: unknown) => copy(arg, 'resourceId'),
    [COMMANDS.copyLineItemResourceUuid]: (arg: unknown) => copy(arg, 'resourceUuid'),
  };
}
