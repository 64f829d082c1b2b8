import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import * as vm from 'vm';
import * as fakeObsidian from 'obsidian';
import { createFakeApp, loadPlugin, runCliCommand } from '../__mocks__/obsidian';
import { runCli } from '../../src/node/cli';
import type SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { TempVault } from '../helpers/cli-process';
import { vaultFiles } from './plugin-harness';

const MAIN_JS = join(__dirname, '..', '..', 'main.js');
const NOW = '2025-08-28T10:00';
const JOURNAL = 'specs/1000/1001/1014.context.md';

/** The plugin class of the bundled main.js, run in a bare context whose `obsidian` is the fake (its parseYaml js-yaml 4, as Obsidian's). */
function bundledPlugin(): typeof SpecWorkflowPlugin {
	expect(existsSync(MAIN_JS)).toBe(true); // built by the tests' global setup when older than src/
	const module = { exports: {} as Record<string, unknown> };
	const context = vm.createContext({
		module,
		exports: module.exports,
		require: (id: string): unknown => {
			if (id === 'obsidian') return fakeObsidian;
			throw new Error(`Cannot find module '${id}'`);
		},
		window: { setTimeout, clearTimeout },
		// Every Obsidian has these (a phone's web view too); the plugin decodes notes with them before it writes.
		TextDecoder,
		TextEncoder,
		// In Obsidian the plugin and parseYaml share one realm: its Dates are the plugin's Dates.
		Date,
		console,
	});
	vm.runInContext(readFileSync(MAIN_JS, 'utf8'), context, { filename: 'main.js' });
	return module.exports.default as typeof SpecWorkflowPlugin;
}

async function specWork(vault: TempVault, args: string[]): Promise<string> {
	let stdout = '';
	const code = await runCli([...args, '--vault', vault.dir], {
		cwd: vault.dir,
		env: { SPEC_WORK_NOW: NOW, SPEC_WORK_NO_CACHE: '1' },
		stdout: (t) => (stdout += t),
		stderr: () => undefined,
		readStdin: () => '',
	});
	expect(code).toBe(0);
	return stdout;
}

describe("main.js, reading YAML with Obsidian's parseYaml", () => {
	let vault: TempVault;
	afterEach(() => vault.cleanup());

	it('rewrites a journal whose updated: has seconds exactly as spec-work does', async () => {
		vault = new TempVault();
		await specWork(vault, ['start', '1014', '--title', 'Validation']);
		const journal = vault.files()[JOURNAL];
		// js-yaml reads both as Dates; the second is not the operation's to change.
		vault.write({ [JOURNAL]: `---\nupdated: 2025-08-29 10:00:00\nreviewed: 2025-08-29T10:00:00Z\n---\n${journal}` });

		const app = createFakeApp(vault.files());
		const plugin = await loadPlugin(app, bundledPlugin(), { id: 'spec-workflow', name: 'Spec Workflow' });
		plugin.now = () => new Date(NOW);
		app.layoutReady();
		await plugin.indexReady;
		const said = await runCliCommand(app, 'spec-workflow:log', ['id=1014', 'section=changes', 'text=Tiering rules: cold after 30 days']);

		expect(said + '\n').toBe(await specWork(vault, ['log', '1014', 'changes', 'Tiering rules: cold after 30 days']));
		const written = (await vaultFiles(app))[JOURNAL];
		const frontmatter = '---\nupdated: 2025-08-28 10:00\nreviewed: 2025-08-29T10:00:00Z\n---\n';
		expect(written.slice(0, frontmatter.length)).toBe(frontmatter);
		expect(written).toBe(vault.files()[JOURNAL]);
	});
});
