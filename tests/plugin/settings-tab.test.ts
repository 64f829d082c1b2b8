/** @jest-environment jsdom */
import { findSetting, type App } from '../__mocks__/obsidian';
import { startSession } from '../../src/core/workflow/start-session';
import { DEFAULT_SETTINGS } from '../../src/plugin/settings';
import { deliverableTypesValue, ignoredFoldersValue, SPECS_FOLDER_DELAY_MS, specsFolderValue, SpecWorkflowSettingTab } from '../../src/plugin/settings-tab';
import { memoryWorkspace } from '../helpers/workspace';
import { EXAMPLE_VAULT, readVaultFiles } from '../helpers/vault-files';
import { choose, loadVault, settle, type } from './plugin-harness';

const DATA = '.obsidian/plugins/spec-workflow/data.json';

function openTab(app: App): SpecWorkflowSettingTab {
	return app.openSettingTab('spec-workflow') as unknown as SpecWorkflowSettingTab;
}

function control<T extends HTMLElement>(tab: SpecWorkflowSettingTab, name: string, selector: string): T {
	const el = findSetting(tab.containerEl, name)?.querySelector<T>(selector);
	if (!el) throw new Error(`No control for "${name}"`);
	return el;
}

async function saved(app: App): Promise<Record<string, unknown>> {
	return JSON.parse(await app.vault.adapter.read(DATA)) as Record<string, unknown>;
}

/** The example vault with a copy of its specs in each of `copies`, below the specs folder. */
function filesWithCopies(...copies: string[]): Record<string, string> {
	const files = readVaultFiles(EXAMPLE_VAULT);
	for (const [path, text] of Object.entries(files)) {
		for (const copy of copies) if (path.startsWith('specs/')) files[path.replace(/^specs\//, `specs/${copy}/`)] = text;
	}
	return files;
}

/** The example vault with its specs folder renamed. */
function filesUnder(folder: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, text] of Object.entries(readVaultFiles(EXAMPLE_VAULT))) out[path.replace(/^specs\//, `${folder}/`)] = text;
	return out;
}

describe('the settings tab', () => {
	it('shows every setting with the current values, grouped under headings without a top-level one', async () => {
		const { app } = await loadVault();
		const tab = openTab(app);
		const rows = Array.from(tab.containerEl.querySelectorAll('.setting-item'), (el) => ({
			name: el.querySelector('.setting-item-name')?.textContent,
			heading: el.classList.contains('setting-item-heading'),
		}));
		expect(rows).toEqual([
			{ name: 'Specs folder', heading: false },
			{ name: 'Ignored folders', heading: false },
			{ name: 'Link style', heading: false },
			{ name: 'Sessions', heading: true },
			{ name: 'Default participants', heading: false },
			{ name: 'Reviewer name', heading: false },
			{ name: 'Open the context note after starting', heading: false },
			{ name: 'Reveal panel after start on phones', heading: false },
			{ name: 'Deliverables', heading: true },
			{ name: 'Deliverable types', heading: false },
			{ name: 'Bases', heading: true },
			{ name: 'Specs base file', heading: false },
		]);
		expect(control<HTMLInputElement>(tab, 'Specs folder', 'input').value).toBe('specs');
		const ignored = control<HTMLTextAreaElement>(tab, 'Ignored folders', 'textarea');
		expect(ignored.value).toBe(
			'backup\nbackups\n* backup\n*-backup\n*_backup\nbackup-2*\nbackup_2*\nbackup 2*\n*.bak\n* copy\n*-copy\ncopy of *\n* (copy)\n* (copy *)\n* (?)\n*conflicted copy*\n.trash\narchive\narchived\ntemplates\n_templates',
		);
		expect(ignored.placeholder).toBe(ignored.value);
		expect(control<HTMLSelectElement>(tab, 'Link style', 'select').value).toBe('vault');
		expect(Array.from(control<HTMLSelectElement>(tab, 'Link style', 'select').options, (o) => o.textContent)).toEqual([
			"Follow the vault's setting",
			'Wikilinks',
			'Markdown links',
		]);
		expect(control<HTMLInputElement>(tab, 'Default participants', 'input').value).toBe('User, Claude');
		expect(control<HTMLElement>(tab, 'Open the context note after starting', '.checkbox-container').classList.contains('is-enabled')).toBe(true);
		expect(control<HTMLInputElement>(tab, 'Deliverable types', 'input').value).toBe('scripts, docs, config');
		expect(control<HTMLInputElement>(tab, 'Specs base file', 'input').value).toBe('Specs.base');
	});

	it('saves each change to the plugin data, and a reloaded plugin reads it back', async () => {
		const { app, plugin } = await loadVault();
		const tab = openTab(app);
		type(control(tab, 'Default participants', 'input'), '  Ana, Claude ');
		choose(control(tab, 'Link style', 'select'), 'markdown');
		control<HTMLElement>(tab, 'Open the context note after starting', '.checkbox-container').click();
		type(control(tab, 'Deliverable types', 'input'), 'scripts, docs,, data , docs');
		type(control(tab, 'Specs base file', 'input'), ' Review.base ');
		await app.flush();
		const expected = {
			...DEFAULT_SETTINGS,
			defaultParticipants: 'Ana, Claude',
			linkStyle: 'markdown',
			openContextAfterStart: false,
			deliverableTypes: ['scripts', 'docs', 'data'],
			specsBaseFile: 'Review.base',
		};
		expect(plugin.settings).toEqual(expected);
		expect(await saved(app)).toEqual(expected);

		const reloaded = await loadVault({ ...readVaultFiles(EXAMPLE_VAULT), [DATA]: await app.vault.adapter.read(DATA) });
		expect(reloaded.plugin.settings).toEqual(expected);
		expect(control<HTMLInputElement>(openTab(reloaded.app), 'Deliverable types', 'input').value).toBe('scripts, docs, data');
	});

	it('writes links in the chosen style from then on', async () => {
		const { app, plugin } = await loadVault();
		choose(control(openTab(app), 'Link style', 'select'), 'markdown');
		await app.flush();
		const ws = await memoryWorkspace(readVaultFiles(EXAMPLE_VAULT), { linkStyle: 'markdown' });
		const expected = await startSession(ws, { id: '4005' });
		const ours = await startSession(plugin.workspace(), { id: '4005' });
		expect(ours.contextPath).toBe(expected.contextPath);
		expect(await app.vault.read(app.vault.getFileByPath(ours.contextPath)!)).toBe(ws.store.snapshot()[expected.contextPath]);
		expect(ws.store.snapshot()[expected.contextPath]).toContain('](');
	});

	it('an empty participants field falls back to the default instead of writing blank sessions', async () => {
		const { app, plugin } = await loadVault();
		type(control(openTab(app), 'Default participants', 'input'), '   ');
		await app.flush();
		expect(plugin.settings.defaultParticipants).toBe('User, Claude');
	});

	it('keeps the reviewer name typed, saved for the marks of review', async () => {
		const { app, plugin } = await loadVault();
		type(control(openTab(app), 'Reviewer name', 'input'), ' Ana ');
		await app.flush();
		expect(plugin.settings.reviewerName).toBe('Ana');
		expect((await plugin.loadData()) as { reviewerName?: string }).toMatchObject({ reviewerName: 'Ana' });
	});

	it('re-reads the specs once typing in the specs folder pauses, not on every keystroke', async () => {
		const { app, plugin } = await loadVault(filesUnder('planning'));
		expect(plugin.index.size).toBe(0);
		const rebuild = jest.spyOn(plugin, 'rebuildIndex');
		const input = control<HTMLInputElement>(openTab(app), 'Specs folder', 'input');
		for (const typed of ['p', 'pl', 'plan', 'planning', '/planning/']) type(input, typed);
		await app.flush();
		expect(rebuild).not.toHaveBeenCalled();
		expect(plugin.settings.specsRoot).toBe('specs');

		await new Promise((resolve) => setTimeout(resolve, SPECS_FOLDER_DELAY_MS + 50));
		await plugin.indexReady;
		expect(rebuild).toHaveBeenCalledTimes(1);
		expect(plugin.settings.specsRoot).toBe('planning');
		expect((await saved(app)).specsRoot).toBe('planning');
		expect(plugin.index.size).toBe(10);
		expect(plugin.index.get('1014')?.path).toBe('planning/1000/1001/1014.spec.md');
	});

	it('leaves backups out by default, and re-reads the specs with the ignored folders once typing pauses', async () => {
		const { app, plugin } = await loadVault(filesWithCopies('backup-2025-08-01', 'old-2024'));
		// The backup is left out by default; old-2024 is not one of the defaults.
		expect(plugin.index.lookup('1001').map((s) => s.path)).toEqual(['specs/1000/1001/spec.md', 'specs/old-2024/1000/1001/spec.md']);
		const rebuild = jest.spyOn(plugin, 'rebuildIndex');
		const input = control<HTMLTextAreaElement>(openTab(app), 'Ignored folders', 'textarea');
		for (const typed of ['o', 'old', 'old-*', 'old-*\n', ' old-*, *.bak\n\nold-*\n']) type(input, typed);
		await app.flush();
		expect(rebuild).not.toHaveBeenCalled();

		await new Promise((resolve) => setTimeout(resolve, SPECS_FOLDER_DELAY_MS + 50));
		await plugin.indexReady;
		expect(rebuild).toHaveBeenCalledTimes(1);
		expect(plugin.settings.ignoredFolders).toEqual(['old-*', '*.bak']);
		expect((await saved(app)).ignoredFolders).toEqual(['old-*', '*.bak']);
		expect(plugin.index.lookup('1001').map((s) => s.path)).toEqual(['specs/1000/1001/spec.md', 'specs/backup-2025-08-01/1000/1001/spec.md']);

		// Emptied, nothing is ignored: every copy is read again.
		const tab = openTab(app);
		type(control<HTMLTextAreaElement>(tab, 'Ignored folders', 'textarea'), '  ');
		tab.hide();
		await settle(app);
		await plugin.indexReady;
		expect((await saved(app)).ignoredFolders).toEqual([]);
		expect(plugin.index.lookup('1001')).toHaveLength(3);

		const reloaded = await loadVault({ ...filesWithCopies('backup-2025-08-01', 'old-2024'), [DATA]: await app.vault.adapter.read(DATA) });
		expect(reloaded.plugin.settings.ignoredFolders).toEqual([]);
		expect(control<HTMLTextAreaElement>(openTab(reloaded.app), 'Ignored folders', 'textarea').value).toBe('');
	});

	it('applies a specs folder still waiting when the tab is closed', async () => {
		const { app, plugin } = await loadVault(filesUnder('work/specs'));
		const tab = openTab(app);
		type(control(tab, 'Specs folder', 'input'), 'work//specs');
		tab.hide();
		await settle(app);
		await plugin.indexReady;
		expect(plugin.settings.specsRoot).toBe('work/specs');
		expect(plugin.index.get('1001')?.path).toBe('work/specs/1000/1001/spec.md');
	});

	it('describes the same settings declaratively for Obsidian 1.13, reading and saving the same values', async () => {
		const { app, plugin } = await loadVault();
		const tab = openTab(app);
		const keys = tab.getSettingDefinitions().flatMap((g) => g.items.map((i) => i.control.key));
		expect(keys.sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
		expect(tab.getControlValue('deliverableTypes')).toBe('scripts, docs, config');
		await tab.setControlValue('deliverableTypes', 'docs, scripts');
		await tab.setControlValue('openContextAfterStart', false);
		await tab.setControlValue('linkStyle', 'nonsense');
		expect(plugin.settings).toEqual({ ...DEFAULT_SETTINGS, deliverableTypes: ['docs', 'scripts'], openContextAfterStart: false });
		expect((await saved(app)).deliverableTypes).toEqual(['docs', 'scripts']);
		// Folders being typed read back as typed until they apply, together.
		expect(tab.getControlValue('ignoredFolders')).toBe(DEFAULT_SETTINGS.ignoredFolders.join('\n'));
		await tab.setControlValue('specsRoot', 'plan');
		await tab.setControlValue('ignoredFolders', 'old-*, drafts/old');
		expect(tab.getControlValue('specsRoot')).toBe('plan');
		expect(tab.getControlValue('ignoredFolders')).toBe('old-*, drafts/old');
		const rebuild = jest.spyOn(plugin, 'rebuildIndex');
		tab.hide();
		await settle(app);
		await plugin.indexReady;
		expect(rebuild).toHaveBeenCalledTimes(1);
		expect(tab.getControlValue('specsRoot')).toBe('plan');
		expect(plugin.settings.specsRoot).toBe('plan');
		expect(tab.getControlValue('ignoredFolders')).toBe('old-*\ndrafts/old');
		expect(plugin.settings.ignoredFolders).toEqual(['old-*', 'drafts/old']);
	});
});

describe('setting values', () => {
	it('normalizes the specs folder, empty meaning the default', () => {
		expect(specsFolderValue(' /work//specs/ ')).toBe('work/specs');
		expect(specsFolderValue('')).toBe('specs');
		expect(specsFolderValue('/')).toBe('specs');
	});

	it('reads ignored folders one a line or comma-separated, without blanks or repeats', () => {
		expect(ignoredFoldersValue(' *backup*\n\narchive, old-*,*backup*\n')).toEqual(['*backup*', 'archive', 'old-*']);
		expect(ignoredFoldersValue(' \n ')).toEqual([]);
	});

	it('reads deliverable types as a comma-separated list without blanks or repeats', () => {
		expect(deliverableTypesValue('scripts, docs,,config, docs ')).toEqual(['scripts', 'docs', 'config']);
		expect(deliverableTypesValue('')).toEqual([]);
	});
});

describe('settings read from data.json', () => {
	it('a hand-edited or older data.json is read tolerantly: "specs/" is the specs folder, a wrong type the default', async () => {
		const files = { ...readVaultFiles(EXAMPLE_VAULT), [DATA]: JSON.stringify({ specsRoot: '/specs/', deliverableTypes: 'scripts', linkStyle: 'markdown' }) };
		const { plugin } = await loadVault(files);
		expect(plugin.settings.specsRoot).toBe('specs');
		expect(plugin.settings.deliverableTypes).toEqual(DEFAULT_SETTINGS.deliverableTypes);
		expect(plugin.settings.linkStyle).toBe('markdown');
		expect(plugin.index.size).toBe(10);
	});

	it('ignored folders: absent or malformed means the defaults, an empty list ignores nothing', async () => {
		const files = filesWithCopies('backup');
		for (const [ignoredFolders, expected, size] of [
			[undefined, DEFAULT_SETTINGS.ignoredFolders, 10],
			['*backup*', DEFAULT_SETTINGS.ignoredFolders, 10],
			[['*backup*', 3], DEFAULT_SETTINGS.ignoredFolders, 10],
			[[' backup ', 'backup', ''], ['backup'], 10],
			[[], [], 20],
		] as const) {
			const { plugin } = await loadVault({ ...files, [DATA]: JSON.stringify({ ignoredFolders }) });
			expect(plugin.settings.ignoredFolders).toEqual(expected);
			expect(plugin.index.size).toBe(size);
		}
	});
});
