// Lint rules, and the rings of design §1 enforced as import bans.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/vscode/code-shim.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/lsp/**', 'server/src/server.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode'], patterns: ['vscode-languageserver*'] }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'child_process', 'os', 'vscode'],
          patterns: ['vscode-*', 'node:*'],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core/ never reads the wall clock: pass time in.' },
        { object: 'Math', property: 'random', message: 'core/ is deterministic: pass a seeded random source in.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core/ never reads the wall clock.' }],
    },
  },
);
