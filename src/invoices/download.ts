import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { sanitizeFileName } from '../util/fileName';
import { l10n } from '../util/l10n';
import { parsePeriod } from '../util/period';

/** The file operations used; tests replace some to make them fail. */
export interface FileOps {
  readonly open: typeof fs.open;
  readonly rename: typeof fs.rename;
  readonly unlink: typeof fs.unlink;
}

const nodeFileOps: FileOps = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

/** Saving a download failed; the message says where and why, for the user. */
export class SaveError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'SaveError';
  }
}

/**
 * Writes `bytes` to `target` atomically: into a new temporary file in the same directory,
 * flushed to disk, then renamed over the target. On any failure the temporary file is removed
 * and the target is untouched (absent, or the previous file), never half written.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, ops: FileOps = nodeFileOps): Promise<void> {
  const directory = path.dirname(target);
  const temp = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await ops.open(temp, 'wx');
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await ops.rename(temp, target);
    created = false;
  } catch (error) {
    if (created) {
      await ops.unlink(temp).catch(() => undefined);
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SaveError(l10n.t('Could not save {0}: {1}', target, reason), code);
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') {
    return;
  }
  try {
    const handle = await fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the file is complete either way.
  }
}

export interface DownloadNameSource {
  /** YYYY-MM; ignored when malformed. */
  readonly period: string;
  readonly invoiceId: string;
  readonly invoiceUuid: string;
}

/**
 * 'DigitalOcean-Invoice-2019-12.pdf' for the invoice of December 2019; with a malformed period
 * the invoice id (or uuid) takes its place: 'DigitalOcean-Invoice-12345678.csv'.
 */
export function defaultDownloadName(invoice: DownloadNameSource, extension: 'pdf' | 'csv'): string {
  const period = parsePeriod(invoice.period);
  const label = period
    ? `${period.year}-${String(period.month).padStart(2, '0')}`
    : sanitizeFileName(invoice.invoiceId) ?? sanitizeFileName(invoice.invoiceUuid) ?? 'unknown';
  return sanitizeFileName(`DigitalOcean-Invoice-${label.replace(/\s+/g, '-')}.${extension}`) ?? `DigitalOcean-Invoice.${extension}`;
}
