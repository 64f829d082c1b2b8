import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import * as vm from 'vm';
import * as fakeObsidian from 'obsidian';
import { createFakeApp, loadPlugin } from '../__mocks__/obsidian';
import type SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { EXAMPLE_VAULT, readVaultFiles } from '../helpers/vault-files';

const MAIN_JS = join(__dirname, '..', '..', 'main.js');

/**
 * Obsidian mobile has no Buffer, process or require (beyond `obsidian`). jsdom and node define
 * them, so only running the bundle in a bare vm context proves the plugin loads on a phone.
 */
describe('main.js in a bare context, as on mobile', () => {
	it('loads, builds the index after layout ready, and reads frontmatter without Node globals', async () => {
		expect(existsSync(MAIN_JS)).toBe(true); // `npm test` builds it before jest runs
		const module = { exports: {} as Record<string, unknown> };
		const required: string[] = [];
		const context = vm.createContext({
			module,
			exports: module.exports,
			require: (id: string): unknown => {
				required.push(id);
				if (id === 'obsidian') return fakeObsidian;
				throw new Error(`Cannot find module '${id}' (mobile has no ${id})`);
			},
			window: { setTimeout, clearTimeout },
			console,
		});
		expect(vm.runInContext('typeof Buffer + typeof process', context)).toBe('undefinedundefined');
		vm.runInContext(readFileSync(MAIN_JS, 'utf8'), context, { filename: 'main.js' });
		expect(vm.runInContext('typeof process', context)).toBe('undefined');

		const PluginClass = module.exports.default as typeof SpecWorkflowPlugin;
		const app = createFakeApp(readVaultFiles(EXAMPLE_VAULT));
		const plugin = await loadPlugin(app, PluginClass);
		expect(plugin.index.size).toBe(0); // nothing read before the layout is ready
		app.layoutReady();
		await plugin.indexReady;
		expect([...new Set(required)]).toEqual(['obsidian']);
		const task = plugin.index.get('1014');
		expect(task?.title).toBe('Cold Storage NAS Integration');
		expect(task?.status).toBe('implementing');
		expect(plugin.index.parentOf(task!)?.id).toBe('1001');
	});
});
