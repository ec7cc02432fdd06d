// Lint rules: the recommended sets of eslint and typescript-eslint, plus the project's one
// architectural rule: the engine knows nothing of LSP, VS Code or the file system.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'test-results/', '.bench/', '.vscode-test/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The engine knows nothing of LSP or VS Code: translate in server/src/lsp/.' },
          { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'The engine does not touch the system: take data in, give data out.' },
        ],
      }],
    },
  },
);
