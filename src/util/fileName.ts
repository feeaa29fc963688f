/**
 * File names that come from elsewhere (the API's content-disposition, invoice periods and
 * ids) made safe to create on Windows, macOS and Linux: no directories, no control or
 * bidirectional-override characters, no reserved names, bounded length.
 */

const MAX_LENGTH = 150;
// C0/C1 controls, and the bidi marks and overrides that can disguise an extension ("invoice\u202Efdp.exe").
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED_CHARACTERS = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** A safe file name, or undefined when nothing usable is left. */
export function sanitizeFileName(name: string): string | undefined {
  let safe = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (safe === '' || /^_+$/.test(safe)) {
    return undefined;
  }
  if (WINDOWS_DEVICE.test(safe)) {
    safe = `_${safe}`;
  }
  return truncateKeepingExtension(safe);
}

function truncateKeepingExtension(name: string): string {
  const characters = [...name];
  if (characters.length <= MAX_LENGTH) {
    return name;
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const base = [...name.slice(0, name.length - extension.length)].slice(0, MAX_LENGTH - extension.length).join('').trimEnd();
  return base + extension;
}
