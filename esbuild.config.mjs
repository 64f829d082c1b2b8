import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import process from 'node:process';

const production = process.argv[2] === 'production';
const watch = process.argv.includes('--watch');

const banner = `/*
Spec Workflow — bundled by esbuild. The source is in src/.
*/`;

/** YAML in main.js: the core's `yaml` import becomes Obsidian's own parseYaml, so the plugin ships no YAML library. */
const pluginYaml = {
	name: 'plugin-yaml',
	setup(build) {
		const shim = (file) => ({ path: new URL(file, import.meta.url).pathname });
		build.onResolve({ filter: /^yaml$/ }, () => shim('./src/plugin/obsidian-yaml.ts'));
	},
};

/** The plugin: one CommonJS file Obsidian loads on desktop and mobile. */
const pluginOptions = {
	banner: { js: banner },
	entryPoints: ['src/main.ts'],
	bundle: true,
	external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
	plugins: [pluginYaml],
	format: 'cjs',
	target: 'es2020',
	logLevel: 'warning',
	sourcemap: production ? false : 'inline',
	minify: production,
	treeShaking: true,
	outfile: 'main.js',
};

/** The spec-work CLI: Node only. */
const cliOptions = {
	entryPoints: ['src/node/cli.ts'],
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	banner: { js: '#!/usr/bin/env node' },
	logLevel: 'warning',
	outfile: 'dist/cli.js',
};

if (watch) {
	const ctx = await esbuild.context(pluginOptions);
	await ctx.watch();
} else {
	await esbuild.build(pluginOptions);
	const kb = (statSync('main.js').size / 1024).toFixed(1);
	console.log(`main.js: ${kb} KB${production ? ' (minified)' : ''}`);
	if (existsSync('src/node/cli.ts')) {
		await esbuild.build(cliOptions);
		// The MCP server and its SDK in a file of their own, loaded by `spec-work mcp` alone, so the
		// other verbs do not parse them at every start.
		await esbuild.build({ ...cliOptions, entryPoints: ['src/node/mcp-main.ts'], banner: {}, outfile: 'dist/mcp-server.js' });
		console.log('dist/cli.js built');
	}
}
