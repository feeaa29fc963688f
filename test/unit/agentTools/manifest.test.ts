import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AGENT_TOOLS } from '../../../src/agentTools/agentTools';
import { TOOL_NAMES } from '../../../src/agentTools/toolNames';
import { DAILY_GROUP_BY } from '../../../src/agentTools/dailySpendTool';
import { checkDateRange, checkInvoiceRef, checkMonthRange, MAX_SPEND_DAYS } from '../../../src/agentTools/toolInput';
import { GROUP_BY } from '../../../src/lineItems/itemGroups';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

interface SchemaProperty {
  readonly type: string;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly description?: string;
}

interface ToolContribution {
  readonly name: string;
  readonly toolReferenceName?: string;
  readonly displayName?: string;
  readonly userDescription?: string;
  readonly modelDescription?: string;
  readonly canBeReferencedInPrompt?: boolean;
  readonly icon?: string;
  readonly inputSchema?: { type: string; properties: Record<string, SchemaProperty>; required?: string[]; additionalProperties?: boolean };
}

/** The tools and inputs of the public contract (shared/notes/contract.md). */
const CONTRACT: Record<string, readonly string[]> = {
  digitaloceanInvoices_listInvoices: ['fromMonth', 'toMonth'],
  digitaloceanInvoices_invoiceBreakdown: ['invoice', 'groupBy'],
  digitaloceanInvoices_monthToDate: [],
  digitaloceanInvoices_dailySpend: ['days', 'groupBy'],
  digitaloceanInvoices_billingHistory: ['fromDate', 'toDate'],
};

describe('language model tools in package.json', () => {
  const tools: ToolContribution[] = readJson('package.json').contributes.languageModelTools;
  const english: Record<string, string> = readJson('package.nls.json');
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const schema = (name: string) => byName.get(name)!.inputSchema!;

  it('contributes each tool that is registered, with the contract\'s names and inputs', () => {
    assert.deepStrictEqual(tools.map((tool) => tool.name), AGENT_TOOLS.map((tool) => tool.name));
    // Registered by these names at activation, before the tools' code is loaded.
    assert.deepStrictEqual(Object.values(TOOL_NAMES), AGENT_TOOLS.map((tool) => tool.name));
    assert.deepStrictEqual(Object.fromEntries(tools.map((tool) => [tool.name, Object.keys(tool.inputSchema?.properties ?? {})])), CONTRACT);
    assert.deepStrictEqual(schema('digitaloceanInvoices_invoiceBreakdown').required, ['invoice']);
    assert.deepStrictEqual(schema('digitaloceanInvoices_invoiceBreakdown').properties.groupBy.enum, [...GROUP_BY]);
    assert.deepStrictEqual(schema('digitaloceanInvoices_dailySpend').properties.groupBy.enum, [...DAILY_GROUP_BY]);
    const days = schema('digitaloceanInvoices_dailySpend').properties.days;
    assert.deepStrictEqual([days.type, days.minimum, days.maximum], ['integer', 1, MAX_SPEND_DAYS]);
  });

  it('gives each a #name, localized texts, an icon and an object schema', () => {
    const references = new Set<string>();
    for (const tool of tools) {
      assert.match(tool.toolReferenceName ?? '', /^[\w-]+$/, tool.name);
      references.add(tool.toolReferenceName!);
      assert.strictEqual(tool.canBeReferencedInPrompt, true, tool.name);
      assert.match(tool.icon ?? '', /^\$\([a-z-]+\)$/, tool.name);
      for (const field of ['displayName', 'userDescription', 'modelDescription'] as const) {
        const key = /^%(.+)%$/.exec(tool[field] ?? '')?.[1];
        assert.ok(key && english[key], `${tool.name} ${field}`);
      }
      assert.match(english[tool.modelDescription!.slice(1, -1)], /Use it for/, `${tool.name} says when to use it`);
      assert.strictEqual(tool.inputSchema?.type, 'object');
      assert.strictEqual(tool.inputSchema?.additionalProperties, false);
      for (const [name, property] of Object.entries(tool.inputSchema?.properties ?? {})) {
        assert.ok(property.description && english[property.description.slice(1, -1)], `${tool.name}.${name} is described`);
      }
    }
    assert.strictEqual(references.size, tools.length, 'the #names differ');
  });

  it('has schema patterns that accept what the checks accept and refuse what they refuse', () => {
    const month = new RegExp(schema('digitaloceanInvoices_listInvoices').properties.fromMonth.pattern!);
    for (const sample of ['2024-01', '2024-12', '2024-13', '2024-00', '2024-1', 'May']) {
      assert.strictEqual(month.test(sample), checkMonthRange({ fromMonth: sample, toMonth: '2024-12' }, '2025-01').ok, sample);
    }
    const date = new RegExp(schema('digitaloceanInvoices_billingHistory').properties.toDate.pattern!);
    for (const sample of ['2024-05-01', '2024-12-31', '2024-13-01', '2024-05-32', '2024-5-1', 'today']) {
      assert.strictEqual(date.test(sample), checkDateRange({ toDate: sample }, '2025-01-01').ok, sample);
    }
    const invoice = new RegExp(schema('digitaloceanInvoices_invoiceBreakdown').properties.invoice.pattern!);
    for (const sample of ['current', '2024-03', '22737513-0ea7-4206-8ceb-98a575af7681', '8123456', '2024-13', 'last month', '']) {
      assert.strictEqual(invoice.test(sample), checkInvoiceRef({ invoice: sample }).ok, sample);
    }
  });
});
