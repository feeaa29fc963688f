import * as assert from 'assert';
import { productOf, SKU_FAMILIES, skuFamily } from '../../../src/insights/products';
import { FakeDoApi, NEW_FAMILY_SKU } from '../../fake-api/server';

describe('SKU families to products', () => {
  it('maps the SKUs of DigitalOcean\'s API reference', () => {
    assert.deepStrictEqual(productOf('1-DO-DROP-0109'), { key: 'product:Droplets', name: 'Droplets', known: true });
    assert.deepStrictEqual(productOf('1-KS-K8SWN-00109'), { key: 'product:Kubernetes', name: 'Kubernetes', known: true });
  });

  it('maps every family of the table, whatever comes after it and in any case', () => {
    for (const { family, product } of SKU_FAMILIES) {
      assert.strictEqual(productOf(`1-${family}-0042`).name, product, family);
      assert.strictEqual(productOf(`2-${family.toLowerCase()}-X7`).name, product, `${family}, lower case`);
    }
    assert.strictEqual(productOf('1-KS-K8SHA-0001').name, 'Kubernetes', 'any KS family');
    assert.strictEqual(productOf('1-DO-DROP-GPU-0001').name, 'Droplets', 'a longer family under DO-DROP');
  });

  it('shows an unknown family under its SKU rather than hiding it', () => {
    assert.deepStrictEqual(productOf(NEW_FAMILY_SKU), { key: `sku:${NEW_FAMILY_SKU}`, name: NEW_FAMILY_SKU, known: false });
    assert.deepStrictEqual(productOf('1-DOX-DROP-0001'), { key: 'sku:1-DOX-DROP-0001', name: '1-DOX-DROP-0001', known: false }, 'no prefix matches');
    assert.deepStrictEqual(productOf('droplet-basic'), { key: 'sku:droplet-basic', name: 'droplet-basic', known: false }, 'not written as <n>-<vendor>-<family>-<code>');
    assert.deepStrictEqual(productOf(''), { key: 'sku:', name: '(no SKU)', known: false });
    assert.notStrictEqual(productOf('1-DO-ABC-1').key, productOf('1-DO-ABD-1').key, 'two unknown SKUs stay apart');
  });

  it('reads the family between the leading number and the code', () => {
    assert.deepStrictEqual(skuFamily('1-DO-DROP-0109'), ['DO', 'DROP']);
    assert.deepStrictEqual(skuFamily(' 1-ks-k8swn-00109 '), ['KS', 'K8SWN']);
    assert.strictEqual(skuFamily('DO-DROP-0109'), undefined);
    assert.strictEqual(skuFamily('1-DO-DROP-LATEST'), undefined, 'the code has a digit');
    assert.strictEqual(skuFamily('1-DO'), undefined);
  });

  it('knows every product the fake API bills except its new GenAI family', () => {
    const skus = new Set(new FakeDoApi({ now: new Date('2026-03-10T08:00:00Z'), largeInvoiceItems: 1 }).data.fleet.map((resource) => resource.sku));
    const unknown = [...skus].filter((sku) => !productOf(sku).known);
    assert.deepStrictEqual(unknown, [NEW_FAMILY_SKU]);
    assert.ok(skus.size >= 15, `${skus.size} SKUs`);
  });
});
