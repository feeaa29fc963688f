import tseslint from 'typescript-eslint';

/**
 * Which folders of src/ each folder may import from. Infrastructure knows nothing of features;
 * a feature may use the infrastructure and the features listed before it, never one after it.
 * The top-level modules `constants` and `settings` are open to all; `container` and
 * `extension` (the composition root) and `features` (what the container loads on first use)
 * to none.
 */
const INFRASTRUCTURE = {
  util: [],
  api: ['util'],
  storage: ['util'],
  session: ['api', 'storage', 'util'],
  paging: ['api', 'session', 'storage', 'util'],
  tree: ['api', 'paging', 'util'],
  webview: ['util'],
  commands: ['api', 'util'],
};
const FEATURES = ['balance', 'lineItems', 'billingHistory', 'invoices', 'accounts', 'budget', 'insights', 'monthToDate', 'spendOverview', 'dailySpend', 'agentTools', 'gettingStarted'];
const FOLDERS = [...Object.keys(INFRASTRUCTURE), ...FEATURES];

function allowedFor(folder) {
  if (folder in INFRASTRUCTURE) {
    return INFRASTRUCTURE[folder];
  }
  return [...Object.keys(INFRASTRUCTURE), ...FEATURES.slice(0, FEATURES.indexOf(folder))];
}

const importDirection = FOLDERS.map((folder) => {
  const forbidden = [...FOLDERS.filter((other) => other !== folder && !allowedFor(folder).includes(other)), 'container', 'extension', 'features'];
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
          message: `src/${folder} may import only from ${allowedFor(folder).join(', ') || 'nothing else in src'} (and constants, settings): see the import direction in eslint.config.mjs and the README's Layout.`,
        }],
      }],
    },
  };
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.vscode-test/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['esbuild.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      curly: 'warn',
      eqeqeq: 'error',
      'no-throw-literal': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/naming-convention': [
        'warn',
        { selector: 'import', format: ['camelCase', 'PascalCase'] },
      ],
    },
  },
  {
    // The entry takes the API with a plain require (esbuild.js says why).
    files: ['src/extension.ts', 'src/commands/registerCommands.ts', 'src/agentTools/registerTools.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }] },
  },
  ...importDirection,
);
