import { TempVault } from '../helpers/cli-process';

const DATA = '.obsidian/plugins/spec-workflow/data.json';

/** The plugin's saved settings, as the CLI reads them: a value of the wrong type is named, not crashed on. */
describe('spec-work reads the plugin settings file', () => {
	let vault: TempVault;
	beforeEach(() => (vault = new TempVault()));
	afterEach(() => vault.cleanup());

	it.each([
		[{ specsRoot: 42 }, '"specsRoot" is 42, not text (the specs folder)'],
		[{ defaultParticipants: ['Ana'] }, '"defaultParticipants" is ["Ana"], not text (the participants of a new session)'],
		[{ linkStyle: 'wiki' }, '"linkStyle" is "wiki", not one of "vault", "wikilink", "markdown"'],
		[{ ignoredFolders: 'old-*' }, '"ignoredFolders" is "old-*", not a list of folder globs'],
		[{ ignoredFolders: ['old-*', 3] }, '"ignoredFolders" is ["old-*",3], not a list of folder globs'],
		[{ openContextAfterStart: 'yes' }, '"openContextAfterStart" is "yes", not true or false'],
		[{ deliverableTypes: 'docs' }, '"deliverableTypes" is "docs", not a list of folder names'],
	])('%j: one line naming the file and the setting, and nothing written', (data, problem) => {
		vault.write({ [DATA]: JSON.stringify(data) });
		const before = vault.files();
		const r = vault.run(['task', '1014', '7', 'done']);
		expect(r).toEqual({ code: 1, stdout: '', stderr: `spec-work: ${vault.dir}/${DATA}: setting ${problem}; fix it in the plugin's settings or remove it from the file\n` });
		expect(vault.files()).toEqual(before);
	});

	it('a file that holds no settings object is named', () => {
		vault.write({ [DATA]: '42' });
		expect(vault.run(['list'])).toEqual({ code: 1, stdout: '', stderr: `spec-work: ${vault.dir}/${DATA} holds 42, not the plugin's settings object; fix or remove the file\n` });
	});

	it('settings of the right types are used, and null means the default', () => {
		vault.write({
			[DATA]: JSON.stringify({ specsRoot: '/specs/', defaultParticipants: null, linkStyle: 'vault', ignoredFolders: [], openContextAfterStart: false, deliverableTypes: ['docs'] }),
		});
		const r = vault.run(['list']);
		expect(r.stderr).toBe('');
		expect(r.stdout).toMatch(/^1000 {2}/);
	});
});
