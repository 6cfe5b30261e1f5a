import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layeringRule } from './tools/eslint/layeringRule.ts';

export default defineConfig(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', '.tools/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { genvid: { rules: { layering: layeringRule } } },
    rules: {
      'genvid/layering': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports; they read better and refactor safely.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // All SQL lives in main/db/ as prepared statements.
    files: ['**/*.{ts,tsx}'],
    ignores: ['main/db/**', 'tests/main/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports; they read better and refactor safely.' },
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL is prepared only in main/db/.' },
      ],
    },
  },
  {
    // Tool configs are loaded by their tools, which expect a default export.
    files: ['*.config.ts', 'vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
