import * as assert from 'assert';
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultDownloadName, FileOps, SaveError, writeFileAtomic } from '../../../src/invoices/download';
import { FAKE_TOKEN, FakeDoApi } from '../../fake-api/server';
import { makeClient } from '../../support/clientHarness';

const realOps: FileOps = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

describe('saving downloads', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'do-invoices-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('writes the bytes exactly and leaves no temporary file', async () => {
    const bytes = randomBytes(300_000);
    const target = path.join(dir, 'invoice.pdf');
    await writeFileAtomic(target, bytes);
    assert.ok((await fs.readFile(target)).equals(bytes));
    assert.deepStrictEqual(await fs.readdir(dir), ['invoice.pdf']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'invoice.csv');
    await fs.writeFile(target, 'old');
    await writeFileAtomic(target, Buffer.from('new'));
    assert.strictEqual(await fs.readFile(target, 'utf8'), 'new');
  });

  it('leaves neither the target nor a temporary file when the rename fails', async () => {
    const target = path.join(dir, 'invoice.pdf');
    const failing: FileOps = { ...realOps, rename: async () => { throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }); } };
    await assert.rejects(writeFileAtomic(target, Buffer.from('%PDF-1.4'), failing), (error: unknown) => error instanceof SaveError && error.code === 'EXDEV' && error.message.includes(target));
    assert.deepStrictEqual(await fs.readdir(dir), []);
  });

  it('keeps the previous file intact when writing fails halfway', async () => {
    const target = path.join(dir, 'invoice.csv');
    await fs.writeFile(target, 'previous');
    const failing: FileOps = {
      ...realOps,
      open: (async (file: string, flags: string) => {
        const handle = await fs.open(file, flags);
        const writeFile = handle.writeFile.bind(handle);
        handle.writeFile = async (data) => {
          await writeFile((data as Buffer).subarray(0, 10));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        };
        return handle;
      }) as FileOps['open'],
    };
    await assert.rejects(writeFileAtomic(target, randomBytes(1000), failing), (error: unknown) => error instanceof SaveError && error.code === 'ENOSPC');
    assert.deepStrictEqual(await fs.readdir(dir), ['invoice.csv']);
    assert.strictEqual(await fs.readFile(target, 'utf8'), 'previous');
  });

  it('fails cleanly when the target is a directory or its folder is missing', async () => {
    const asDirectory = path.join(dir, 'taken');
    await fs.mkdir(asDirectory);
    await fs.writeFile(path.join(asDirectory, 'inside'), 'x');
    await assert.rejects(writeFileAtomic(asDirectory, Buffer.from('x')), SaveError);
    assert.deepStrictEqual(await fs.readdir(dir), ['taken']);
    await assert.rejects(writeFileAtomic(path.join(dir, 'missing', 'a.pdf'), Buffer.from('x')), SaveError);
  });

  it('saves the fake API\'s PDF byte for byte', async function () {
    this.timeout(20_000);
    const api = new FakeDoApi({ largeInvoiceItems: 10 });
    try {
      const { client } = makeClient(await api.start());
      const invoice = api.data.invoices[2];
      const pdf = await client.getInvoicePdf(invoice.invoice_uuid, { token: FAKE_TOKEN });
      const target = path.join(dir, defaultDownloadName({ period: invoice.invoice_period, invoiceId: invoice.invoice_id, invoiceUuid: invoice.invoice_uuid }, 'pdf'));
      await writeFileAtomic(target, pdf.bytes);
      assert.ok((await fs.readFile(target)).equals(pdf.bytes));
      assert.match(path.basename(target), /^DigitalOcean-Invoice-\d{4}-\d{2}\.pdf$/);
    } finally {
      await api.close();
    }
  });
});

describe('default download names', () => {
  it('names the file by the period, else by the invoice id or uuid', () => {
    assert.strictEqual(defaultDownloadName({ period: '2019-12', invoiceId: '123', invoiceUuid: 'u' }, 'pdf'), 'DigitalOcean-Invoice-2019-12.pdf');
    assert.strictEqual(defaultDownloadName({ period: 'December', invoiceId: '12345678', invoiceUuid: 'u' }, 'csv'), 'DigitalOcean-Invoice-12345678.csv');
    assert.strictEqual(defaultDownloadName({ period: '2019-13', invoiceId: '', invoiceUuid: '../x/y' }, 'csv'), 'DigitalOcean-Invoice-_x_y.csv');
    assert.strictEqual(defaultDownloadName({ period: '', invoiceId: 'a b\u202Ec', invoiceUuid: '' }, 'pdf'), 'DigitalOcean-Invoice-a-bc.pdf');
    assert.strictEqual(defaultDownloadName({ period: '', invoiceId: '', invoiceUuid: '' }, 'pdf'), 'DigitalOcean-Invoice-unknown.pdf');
  });
});
