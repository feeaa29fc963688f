// The invoice downloads: CSV (columns as in the API's example) and a small valid PDF.
import { csvCategoryOf, InvoiceItem } from './catalog';
import { ListedInvoice } from './invoices';
import { formatDollars, parseCents } from './money';
import { MONTH_NAMES } from './periods';

/** 'DigitalOcean Invoice 2020 Jul (6173678-418071234).csv', as in the API's example header. */
export function downloadFileName(invoice: ListedInvoice, accountId: string, extension: 'csv' | 'pdf'): string {
  const [year, month] = invoice.invoice_period.split('-').map(Number);
  const monthAbbrev = (MONTH_NAMES[month - 1] ?? 'Unknown').slice(0, 3);
  return `DigitalOcean Invoice ${year} ${monthAbbrev} (${accountId}-${invoice.invoice_id}).${extension}`;
}

const CSV_HEADER = 'product,group_description,description,hours,start,end,USD,project_name,category';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** '2020-07-01T00:00:00Z' → '2020-07-01 00:00:00 +0000' */
function csvTime(iso: string): string {
  return iso.replace('T', ' ').replace(/Z$/, ' +0000');
}

export function invoiceCsv(items: readonly InvoiceItem[]): string {
  const rows = items.map((item) => [
    item.product, item.group_description, item.description, item.duration, csvTime(item.start_time),
    csvTime(item.end_time), formatDollars(parseCents(item.amount)), item.project_name, csvCategoryOf(item.product),
  ].map(csvField).join(','));
  return [CSV_HEADER, ...rows].join('\n') + '\n';
}

function pdfText(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?')})`;
}

/** A one-page PDF 1.4 with correct xref offsets; the bytes depend only on the invoice. */
export function invoicePdf(invoice: ListedInvoice, accountName: string): Buffer {
  const lines = [
    'DigitalOcean Invoice',
    `Invoice number: ${invoice.invoice_id}`,
    `Billing period: ${invoice.invoice_period}`,
    `Billed to: ${accountName}`,
    `Total due: ${formatDollars(parseCents(invoice.amount))}`,
  ];
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 20 : 12} Tf 72 ${720 - i * 24} Td ${pdfText(line)} Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    `<< /Title ${pdfText(`Invoice ${invoice.invoice_id}`)} /Producer (fake-digitalocean-api) >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  const xref = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
