import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { l10n } from '../../src/util/l10n';
import { formatAmount } from '../../src/util/money';
import { formatPeriod } from '../../src/util/period';
import { l10nMessages, placeholders } from '../support/l10nStrings';

const ROOT = path.join(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;

describe('localization', () => {
  const messages = l10nMessages(path.join(ROOT, 'src'));
  const german = readJson('l10n/bundle.l10n.de.json');

  it('finds the messages of the source', () => {
    assert.ok(messages.size > 50, `${messages.size} messages`);
    assert.ok(messages.has('Load more…'));
  });

  it('has a German translation of every message, with the same placeholders', () => {
    const missing = [...messages.keys()].filter((message) => !(message in german));
    assert.deepStrictEqual(missing, [], `untranslated:\n${missing.map((message) => JSON.stringify(message)).join(',\n')}`);
    for (const [message, translation] of Object.entries(german)) {
      assert.deepStrictEqual(placeholders(translation), placeholders(message), message);
    }
  });

  it('has no German translation left for a message the source no longer has', () => {
    const stale = Object.keys(german).filter((message) => !messages.has(message));
    assert.deepStrictEqual(stale, []);
  });

  it('has every package.json title in package.nls.json and package.nls.de.json', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    const english = readJson('package.nls.json');
    const germanManifest = readJson('package.nls.de.json');
    assert.deepStrictEqual(keys.filter((key) => !(key in english)), []);
    assert.deepStrictEqual(Object.keys(english).filter((key) => !(key in germanManifest)), []);
    assert.deepStrictEqual(Object.keys(germanManifest).filter((key) => !(key in english)), []);
  });

  it('uses the German bundle and formats money and months for German', () => {
    l10n.setBundle(german);
    try {
      assert.strictEqual(l10n.t('Load more…'), german['Load more…']);
      assert.strictEqual(l10n.t('{0} of {1} loaded', 20, 70), german['{0} of {1} loaded'].replace('{0}', '20').replace('{1}', '70'));
    } finally {
      l10n.setBundle(undefined);
    }
    assert.strictEqual(formatAmount('1234.5', 'de'), '1.234,50\u00a0$');
    assert.strictEqual(formatPeriod('2019-12', 'de'), 'Dezember 2019');
  });
});
