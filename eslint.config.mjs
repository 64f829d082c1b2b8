import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import globals from 'globals';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = builtinModules.flatMap((name) => [name, `${name}/*`]);

export default defineConfig([
	globalIgnores(['node_modules/', 'main.js', 'dist/', 'coverage/', 'examples/', 'bench/vaults/', 'docs/', 'package-lock.json', 'scratch/']),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'jest.config.cjs', 'version-bump.mjs', 'scripts/*.mjs'] },
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	// The layers (docs/architecture.md): the core is pure and imports neither Obsidian, Node's modules
	// nor the shells; the Node shell never imports the plugin. Types alone may come from Node (they
	// vanish in the build), so an injected host can be typed by what it wraps.
	{
		files: ['src/core/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'obsidian', message: 'The core is pure: it reaches Obsidian only through the FileStore the plugin hands it.' }],
					patterns: [
						{
							group: ['node:*', ...NODE_BUILTINS],
							allowTypeImports: true,
							message: "The core is pure: Node's modules belong to src/node, behind the FileStore or an injected host.",
						},
						{ group: ['**/plugin/**', '**/node/**'], message: 'Imports point down: the core never imports a shell.' },
					],
				},
			],
		},
	},
	{
		files: ['src/node/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'obsidian', message: 'The Node shell runs without Obsidian.' }],
					patterns: [{ group: ['**/plugin/**'], message: 'The Node shell never imports the plugin; shared code belongs in src/core.' }],
				},
			],
		},
	},
	{
		files: ['src/plugin/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [{ group: ['**/node/**'], message: 'The plugin never imports the Node shell: main.js must load on mobile; shared code belongs in src/core.' }],
				},
			],
		},
	},
	{
		// What is sorted ends up in files and output that must be the same bytes on every device: a
		// phone set to Danish sorts "aa" after "z" with the default locale. Compare code points, or
		// pass a fixed locale.
		files: ['src/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				...[
					"CallExpression[callee.property.name='localeCompare'][arguments.length<2]",
					"CallExpression[callee.property.name='localeCompare'][arguments.1.type='Identifier'][arguments.1.name='undefined']",
					":matches(NewExpression, CallExpression)[callee.object.name='Intl'][callee.property.name='Collator'][arguments.length=0]",
					":matches(NewExpression, CallExpression)[callee.object.name='Intl'][callee.property.name='Collator'][arguments.0.type='Identifier'][arguments.0.name='undefined']",
				].map((selector) => ({
					selector,
					message: "Sorts with the device's language: pass a fixed locale ('en') or compare code points, so every device writes the same bytes.",
				})),
			],
		},
	},
	{
		// js-yaml is a dev dependency only: the tests' stand-in for the parseYaml Obsidian ships
		// (which is js-yaml), so the fake parses as the app does. Nothing of it reaches main.js.
		files: ['package.json'],
		rules: { 'depend/ban-dependencies': ['error', { presets: ['native', 'microutilities', 'preferred'], allowed: ['js-yaml'] }] },
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
			// Tests call the fake, which has every API of the typings; minAppVersion is about the app.
			'obsidianmd/no-unsupported-api': 'off',
		},
	},
]);
