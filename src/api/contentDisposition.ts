import { sanitizeFileName } from '../util/fileName';

/**
 * The file name a content-disposition header suggests (RFC 6266): `filename*` (RFC 5987,
 * UTF-8) wins over `filename`; the result is sanitized. Undefined when there is none.
 */
export function fileNameFromContentDisposition(header: string | null | undefined): string | undefined {
  if (!header) {
    return undefined;
  }
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^;]*)/i.exec(header);
  const fromExtended = extended ? decodeExtended(extended[1].trim()) : undefined;
  if (fromExtended !== undefined) {
    return sanitizeFileName(fromExtended);
  }
  const plain = /(?:^|;)\s*filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(header);
  if (!plain) {
    return undefined;
  }
  const value = plain[1].trim();
  const unquoted = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
  return sanitizeFileName(unquoted);
}

/** `UTF-8''%e2%82%ac%20rates.pdf` → '€ rates.pdf'; undefined for other charsets or bad escapes. */
function decodeExtended(value: string): string | undefined {
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value.replace(/^"(.*)"$/, '$1'));
  if (!match || !/^utf-8$/i.test(match[1])) {
    return undefined;
  }
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
}
