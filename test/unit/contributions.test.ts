import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BILLING_HISTORY_VIEW_ID, COMMANDS, INVOICES_VIEW_ID, STATUS_BAR_ITEM_ID, VIEW_CONTAINER_ID } from '../../src/constants';

const ROOT = path.join(__dirname, '..', '..', '..');

interface Manifest {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command?: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

describe('contributions', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const contributed = manifest.contributes.commands.map((command) => command.command).sort();
  const known: string[] = Object.values(COMMANDS).sort();

  it('contributes exactly the commands in src/constants.ts, which the container registers one by one', () => {
    // The container's table of handlers is typed by these ids, so every one is registered.
    assert.deepStrictEqual(contributed.filter((id) => !known.includes(id)), [], 'contributed but not in COMMANDS');
    assert.deepStrictEqual(known.filter((id) => !contributed.includes(id)), [], 'in COMMANDS but not contributed');
  });

  it('names only contributed commands in its menus', () => {
    const inMenus = Object.values(manifest.contributes.menus).flat().map((entry) => entry.command).filter((id): id is string => !!id);
    assert.deepStrictEqual([...new Set(inMenus.filter((id) => !contributed.includes(id) && !id.endsWith('.focus')))], []);
  });

  it('uses the ids of the public contract', () => {
    assert.deepStrictEqual(manifest.contributes.viewsContainers.activitybar.map((container) => container.id), [VIEW_CONTAINER_ID]);
    assert.deepStrictEqual(manifest.contributes.views[VIEW_CONTAINER_ID].map((view) => view.id), [INVOICES_VIEW_ID, BILLING_HISTORY_VIEW_ID]);
    assert.strictEqual(STATUS_BAR_ITEM_ID, 'digitaloceanInvoices.monthToDate');
  });
});
