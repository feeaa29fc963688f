// The walkthrough in package.json: the id the extension opens, and every link and completion
// event naming something that exists (a contributed command, a view, a setting, a context key).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { HAS_TOKEN_CONTEXT, INVOICES_VIEW_ID } from '../../../src/constants';
import { WALKTHROUGH_ID } from '../../../src/gettingStarted/walkthroughDecision';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; markdown?: string; altText?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    walkthroughs: { id: string; title: string; description: string; steps: Step[] }[];
    commands: { command: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}

/** VS Code's own commands the walkthrough links to. */
const BUILT_IN_COMMANDS = ['workbench.action.openSettings'];

describe('the walkthrough in package.json', () => {
  const manifest = readJson<Manifest>('package.json');
  const english = readJson<Record<string, string>>('package.nls.json');
  const text = (value: string) => english[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;
  const [walkthrough] = manifest.contributes.walkthroughs;
  const contributed = manifest.contributes.commands.map((command) => command.command);

  it('is the one the extension opens, with the five steps of a first start', () => {
    assert.strictEqual(manifest.contributes.walkthroughs.length, 1);
    assert.strictEqual(walkthrough.id, WALKTHROUGH_ID);
    assert.deepStrictEqual(walkthrough.steps.map((step) => step.id), ['createToken', 'setToken', 'monthToDate', 'budget', 'spendOverview']);
    assert.match(text(walkthrough.steps[0].description), /billing:read[\s\S]*account:read/);
  });

  it('links only to commands that exist, and each step offers one action', () => {
    for (const step of walkthrough.steps) {
      const links = [...text(step.description).matchAll(/\]\(([^)]+)\)/g)].map(([, target]) => target);
      assert.strictEqual(links.length, 1, `${step.id}: ${links.join(', ')}`);
      for (const link of links.filter((target) => target.startsWith('command:'))) {
        const id = link.slice('command:'.length).split('?')[0];
        assert.ok(contributed.includes(id) || BUILT_IN_COMMANDS.includes(id) || id === `${INVOICES_VIEW_ID}.focus`, `${step.id}: ${id}`);
      }
    }
  });

  it('completes steps on events of things that exist', () => {
    const settings = Object.keys(manifest.contributes.configuration.properties);
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents?.length, step.id);
      for (const event of step.completionEvents ?? []) {
        const [kind, subject] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        const exists: Record<string, () => boolean> = {
          onCommand: () => contributed.includes(subject),
          onView: () => subject === INVOICES_VIEW_ID,
          onSettingChanged: () => settings.includes(subject),
          onContext: () => subject === HAS_TOKEN_CONTEXT,
          onLink: () => subject.startsWith('https://cloud.digitalocean.com/'),
        };
        assert.ok(exists[kind]?.(), `${step.id}: ${event}`);
      }
    }
  });

  it('has media with alternative text for every step', () => {
    for (const step of walkthrough.steps) {
      assert.ok(step.media.svg && fs.existsSync(path.join(ROOT, step.media.svg)), step.id);
      assert.ok(text(step.media.altText ?? '').length > 20, `${step.id}: alt text`);
    }
  });
});
