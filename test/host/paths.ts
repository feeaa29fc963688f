// Where the test host keeps things. Compiled to out/test/host/, so the project root is three
// levels up from this file's directory.
import * as path from 'path';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');
/** Git-ignored cache of downloaded tooling (the ecosystem's habit: `.vscode-test/`). */
export const cacheDir = path.join(projectRoot, '.vscode-test');
export const serverInstallDir = path.join(cacheDir, 'vscode-server');
export const vscodeDir = path.join(serverInstallDir, 'node_modules', 'code-server', 'lib', 'vscode');
export const serverMain = path.join(vscodeDir, 'out', 'server-main.js');
export const outDir = path.join(projectRoot, 'out');
export const testResultsDir = path.join(projectRoot, 'test-results');
