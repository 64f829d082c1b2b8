import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import globals from 'globals';

export default defineConfig([
  globalIgnores(['node_modules/', 'main.js', 'dist/', 'coverage/', 'examples/', 'bench/vaults/', 'docs/', 'package-lock.json', 'scratch/']),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'jest.config.cjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // The Node shell, tests and build scripts run in Node, never inside Obsidian.
    files: ['src/node/**', 'tests/**', 'scripts/**', 'bench/**', '*.mjs', '*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'import/no-nodejs-modules': 'off',
      'no-restricted-globals': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/no-global-this': 'off',
      'no-console': 'off',
      'no-undef': 'off',
      // The CLI has no Vault.configDir to ask; it reads .obsidian/app.json itself.
      'obsidianmd/hardcoded-config-path': 'off',
      'obsidianmd/rule-custom-message': 'off',
    },
  },
]);
