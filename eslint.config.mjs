// ESLint flat config: the recommended rules of ESLint and typescript-eslint,
// without type information (type-aware linting would re-run the compiler and
// make `npm run lint` slow; `tsc` already checks types).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node's CommonJS globals, for the plain .js files (bin/, scripts/, test/vscode/).
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'URL',
    'performance',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-artifacts/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
  {
    // Mocha suites run inside the VS Code extension host.
    files: ['test/vscode/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'describe',
          'it',
          'before',
          'after',
          'beforeEach',
          'afterEach',
          'suite',
          'test',
          'setup',
          'teardown',
          'suiteSetup',
          'suiteTeardown',
        ].map((n) => [n, 'readonly']),
      ),
    },
  },
  {
    rules: {
      // `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
