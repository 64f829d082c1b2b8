import {
	cliHandlers,
	createFakeApp,
	loadPlugin,
	resetApiVersion,
	resetPlatform,
	runCliCommand,
	setApiVersion,
	setMobilePlatform,
	unloadPlugin,
	type App,
} from '../__mocks__/obsidian';
import { runCli } from '../../src/node/cli';
import SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { TempVault } from '../helpers/cli-process';
import { EXAMPLE_VAULT, readVaultFiles } from '../helpers/vault-files';
import { loadVault, NOW, vaultFiles } from './plugin-harness';

const ACTIONS = ['spec-workflow:status', 'spec-workflow:next', 'spec-workflow:log', 'spec-workflow:validate'];

/** `spec-work <args>` over the vault, in this process, with the plugin's clock. */
async function specWork(vault: TempVault, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli([...args, '--vault', vault.dir], {
		cwd: vault.dir,
		env: { SPEC_WORK_NOW: NOW, SPEC_WORK_NO_CACHE: '1' },
		stdout: (t) => (stdout += t),
		stderr: (t) => (stderr += t),
		readStdin: () => '',
	});
	return { code, stdout, stderr };
}

describe('registering the command line handlers', () => {
	afterEach(() => {
		resetApiVersion();
		resetPlatform();
	});

	it('registers status, next, log and validate when the app has the API, each with its parameters, and unloading removes them', async () => {
		const { app, plugin } = await loadVault();
		const registry = cliHandlers(app);
		expect([...registry.keys()].sort()).toEqual([...ACTIONS].sort());
		const { 'if-match': ifMatch, format, ...logFlags } = registry.get('spec-workflow:log')?.flags ?? {};
		expect(ifMatch).toMatchObject({ value: '<if-match>', required: false });
		expect(ifMatch.description).toContain('The revision status or resume gave');
		expect(format.value).toBe('json|text');
		expect(logFlags).toEqual({
			id: { value: '<id>', description: 'The spec id, as in its heading or file name (1014)', required: true },
			section: { value: 'planning|changes|implementation|testing|commits|issues', description: 'The session section to log to', required: true },
			text: { value: '<text>', description: 'The entry; for commits "<hash> <message>"', required: true },
			resolution: { value: '<resolution>', description: 'Issues only: how it was resolved', required: false },
			commit: { value: '<commit>', description: 'Issues only: the commit that fixed it', required: false },
		});
		expect(registry.get('spec-workflow:status')?.flags?.id.required).toBe(false);
		expect(registry.get('spec-workflow:status')?.flags?.all).toEqual({ description: 'Every spec not completed, with its progress and next task' });
		expect(registry.get('spec-workflow:validate')?.flags?.fix).toEqual({ description: 'Apply only safe, reversible fixes', required: false });
		await unloadPlugin(app, plugin);
		expect(registry.size).toBe(0);
	});

	it('registers nothing, and loads without error, on an app older than 1.12.2', async () => {
		setApiVersion('1.12.1');
		const app = createFakeApp(readVaultFiles(EXAMPLE_VAULT));
		const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
		app.layoutReady();
		await plugin.indexReady;
		expect(cliHandlers(app).size).toBe(0);
		expect(plugin.index.get('1014')?.status).toBe('implementing');
		expect(app.commands.listCommands().length).toBeGreaterThan(0);
	});

	it('registers nothing on a phone, where Obsidian has no command line', async () => {
		setMobilePlatform();
		const app = createFakeApp(readVaultFiles(EXAMPLE_VAULT));
		await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
		expect(cliHandlers(app).size).toBe(0);
	});
});

describe('obsidian spec-workflow:… answers as spec-work does', () => {
	let vault: TempVault;
	let app: App;

	beforeEach(async () => {
		vault = new TempVault();
		// A session under way, so log has somewhere to write and next something to say.
		expect((await specWork(vault, ['start', '1014', '--title', 'Validation'])).code).toBe(0);
		({ app } = await loadVault(vault.files()));
	});

	afterEach(() => vault.cleanup());

	const READS: [string, string[], string, string[]][] = [
		['status of a spec', ['status', '1014'], 'spec-workflow:status', ['id=1014']],
		['status as JSON', ['status', '1014', '--json'], 'spec-workflow:status', ['id=1014', 'format=json']],
		['status of every open spec', ['status', '--all'], 'spec-workflow:status', ['all']],
		['status of every open spec as JSON', ['status', '--all', '--json'], 'spec-workflow:status', ['all', 'format=json']],
		['next', ['next'], 'spec-workflow:next', []],
		['next as JSON', ['next', '--json'], 'spec-workflow:next', ['format=json']],
		['validate', ['validate'], 'spec-workflow:validate', []],
		['validate as JSON', ['validate', '--json'], 'spec-workflow:validate', ['format=json']],
	];

	it.each(READS)('%s: the same output', async (_what, cliArgs, command, args) => {
		const cli = await specWork(vault, cliArgs);
		expect(cli.stdout).not.toBe('');
		expect((await runCliCommand(app, command, args)) + '\n').toBe(cli.stdout);
	});

	it('an unknown id: the same one line', async () => {
		const cli = await specWork(vault, ['status', '9999']);
		expect(cli.code).toBe(1);
		expect(cli.stderr.split('\n')).toHaveLength(2);
		expect((await runCliCommand(app, 'spec-workflow:status', ['id=9999'])) + '\n').toBe(cli.stderr);
		expect((await runCliCommand(app, 'spec-workflow:log', ['id=9999', 'section=changes', 'text=x'])) + '\n').toBe((await specWork(vault, ['log', '9999', 'changes', 'x'])).stderr);
	});

	it('log: the same output and the same bytes written', async () => {
		const before = vault.files();
		const cli = await specWork(vault, ['log', '1014', 'changes', 'Tiering rules: cold after 30 days']);
		expect(cli.code).toBe(0);
		const out = await runCliCommand(app, 'spec-workflow:log', ['id=1014', 'section=changes', 'text=Tiering rules: cold after 30 days']);
		expect(out + '\n').toBe(cli.stdout);
		const after = vault.files();
		expect(after).not.toEqual(before);
		expect(await vaultFiles(app)).toEqual(after);
	});

	it('log as JSON, and an issue with its resolution: the same output and bytes', async () => {
		const cli = await specWork(vault, ['log', '1014', 'issues', 'NAS drops mounts', '--resolution', 'Remount on wake', '--json']);
		const out = await runCliCommand(app, 'spec-workflow:log', ['id=1014', 'section=issues', 'text=NAS drops mounts', 'resolution=Remount on wake', 'format=json']);
		expect(out + '\n').toBe(cli.stdout);
		expect(await vaultFiles(app)).toEqual(vault.files());
	});

	it('log refused on a stale revision, as spec-work refuses it, writing nothing', async () => {
		const before = vault.files();
		const cli = await specWork(vault, ['log', '1014', 'changes', 'x', '--if-match', '000000000000']);
		expect(cli.code).toBe(1);
		expect((await runCliCommand(app, 'spec-workflow:log', ['id=1014', 'section=changes', 'text=x', 'if-match=000000000000'])) + '\n').toBe(cli.stderr);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('validate fix: the same output and bytes', async () => {
		// 1011's journal loses its link back to the spec: a fix validate makes.
		const journal = 'specs/1000/1001/1011.context.md';
		vault.write({ [journal]: vault.files()[journal].replace(/^\*\*Spec\*\*: .*\n/m, '') });
		({ app } = await loadVault(vault.files()));
		const broken = vault.files();
		const cli = await specWork(vault, ['validate', '--fix']);
		expect(cli.stdout).toContain(`fixed    ${journal}`);
		expect(vault.files()[journal]).not.toBe(broken[journal]);
		expect((await runCliCommand(app, 'spec-workflow:validate', ['fix'])) + '\n').toBe(cli.stdout);
		expect(await vaultFiles(app)).toEqual(vault.files());
	});

	it('says what is wrong with the parameters in one line naming the command, and does nothing', async () => {
		const before = await vaultFiles(app);
		const said = async (command: string, args: string[]) => runCliCommand(app, command, args);
		expect(await said('spec-workflow:log', ['id=1014', 'text=x'])).toBe('spec-workflow:log: section is required');
		expect(await said('spec-workflow:log', ['id=1014', 'section=notes', 'text=x'])).toBe(
			'spec-workflow:log: section must be one of planning, changes, implementation, testing, commits, issues (got "notes")',
		);
		expect(await said('spec-workflow:log', ['id=1014', 'section=changes', 'txt=x'])).toBe('spec-workflow:log: unknown parameter "txt"');
		expect(await said('spec-workflow:status', [])).toBe('spec-workflow:status: id is required (or all)');
		expect(await said('spec-workflow:status', ['id=1014', 'all'])).toBe('spec-workflow:status: give either id=<id> or all, not both');
		expect(await said('spec-workflow:next', ['format=xml'])).toBe('spec-workflow:next: format must be json or text (got "xml")');
		expect(await said('spec-workflow:validate', ['fix=yes'])).toBe('spec-workflow:validate: fix is a flag: give it as fix, without a value (got "yes")');
		expect(await vaultFiles(app)).toEqual(before);
	});
});
