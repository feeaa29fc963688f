import * as os from 'os';
import * as path from 'path';

/** A token found in doctl's configuration, under the name doctl gives its context. */
export interface DoctlContext {
  readonly name: string;
  readonly token: string;
}

/**
 * Where doctl keeps config.yaml: Go's os.UserConfigDir() + "doctl" — %AppData% on Windows,
 * ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function doctlConfigPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  const configDir = platform === 'win32'
    ? env.APPDATA ?? path.join(home, 'AppData', 'Roaming')
    : platform === 'darwin'
      ? path.join(home, 'Library', 'Application Support')
      : env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(configDir, 'doctl', 'config.yaml');
}

function scalar(raw: string): string {
  const value = raw.replace(/\s+#.*$/, '').trim();
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}

/**
 * Reads the two parts of doctl's YAML that hold tokens: `access-token` (the "default"
 * context) and the `auth-contexts` map. Everything else in the file is ignored.
 */
export function parseDoctlConfig(text: string): DoctlContext[] {
  const contexts: DoctlContext[] = [];
  let inAuthContexts = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) {
      continue;
    }
    const indented = /^\s/.test(line);
    const entry = /^\s*([^:#]+?)\s*:\s*(.*)$/.exec(line);
    if (!indented) {
      inAuthContexts = entry?.[1] === 'auth-contexts' && scalar(entry[2]) === '';
      if (entry?.[1] === 'access-token' && scalar(entry[2])) {
        contexts.push({ name: 'default', token: scalar(entry[2]) });
      }
    } else if (inAuthContexts && entry && scalar(entry[2])) {
      const name = scalar(entry[1]);
      const token = scalar(entry[2]);
      const existing = contexts.findIndex((context) => context.name === name);
      if (existing >= 0) {
        contexts[existing] = { name, token };
      } else {
        contexts.push({ name, token });
      }
    }
  }
  return contexts;
}
