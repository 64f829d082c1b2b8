/**
 * Runs in jest's node environment on purpose: the fake builds a private DOM for views, ribbon icons
 * and the status bar, so plugin tests need no jsdom docblock.
 */
import { ItemView, Plugin, type TFile as RealTFile, type WorkspaceLeaf } from 'obsidian';
import { createFakeApp, fileAt, loadPlugin, runCommand, unloadPlugin, type App, type TFile } from '../__mocks__/obsidian';

const VIEW = 'fake-status';

class StatusView extends ItemView {
	opened = 0;

	getViewType(): string {
		return VIEW;
	}

	getDisplayText(): string {
		return 'Status';
	}

	getIcon(): string {
		return 'list-checks';
	}

	async onOpen(): Promise<void> {
		this.opened++;
		this.contentEl.createEl('h4', { text: 'Spec status' });
		return Promise.resolve();
	}
}

class TestPlugin extends Plugin {
	created: string[] = [];
	openedFiles: (string | null)[] = [];
	settings: { folder: string } = { folder: 'specs' };

	async onload(): Promise<void> {
		this.settings = { folder: 'specs', ...((await this.loadData()) as { folder?: string } | null) };
		this.registerView(VIEW, (leaf: WorkspaceLeaf) => new StatusView(leaf));
		this.addRibbonIcon('list-checks', 'Open status', () => this.activateView());
		this.addStatusBarItem().setText('Spec: none');
		this.addCommand({
			id: 'start-work',
			name: 'Start work',
			callback: async () => {
				await this.app.vault.create(`${this.settings.folder}/session.md`, '# Session\n');
			},
		});
		this.addCommand({
			id: 'only-in-spec',
			name: 'Only when a spec is open',
			checkCallback: (checking: boolean) => {
				const file = this.app.workspace.getActiveFile();
				if (!file || !file.path.startsWith(this.settings.folder + '/')) return false;
				if (!checking) this.openedFiles.push(`checked ${file.path}`);
				return true;
			},
		});
		this.app.workspace.onLayoutReady(() => {
			this.registerEvent(this.app.vault.on('create', (f) => this.created.push(f.path)));
		});
		this.registerEvent(this.app.workspace.on('file-open', (f: RealTFile | null) => this.openedFiles.push(f?.path ?? null)));
	}

	async activateView(): Promise<void> {
		const leaf = await this.app.workspace.ensureSideLeaf(VIEW, 'right', { active: false });
		await this.app.workspace.revealLeaf(leaf);
	}
}

const manifest = { id: 'spec-workflow', name: 'Spec Workflow' };

async function setup(files: Record<string, string> = {}): Promise<{ app: App; plugin: TestPlugin }> {
	const app = createFakeApp({ 'specs/1000/epic.md': '# Epic', 'notes/n.md': '', ...files });
	const plugin = await loadPlugin(app, TestPlugin, manifest);
	return { app, plugin };
}

describe('fake Plugin', () => {
	it('registers commands under the plugin id and runs them by id', async () => {
		const { app } = await setup();
		expect(Object.keys(app.commands.commands)).toEqual(['spec-workflow:start-work', 'spec-workflow:only-in-spec']);
		expect(await runCommand(app, 'spec-workflow:start-work')).toBe(true);
		expect(await app.vault.read(fileAt(app, 'specs/session.md'))).toBe('# Session\n');
		expect(app.commands.executeCommandById('spec-workflow:nope')).toBe(false);
	});

	it('honours checkCallback: not run when it says no', async () => {
		const { app, plugin } = await setup();
		expect(app.commands.executeCommandById('spec-workflow:only-in-spec')).toBe(false);
		await app.workspace.setActiveFile(app.vault.getFileByPath('specs/1000/epic.md'));
		expect(app.commands.executeCommandById('spec-workflow:only-in-spec')).toBe(true);
		expect(plugin.openedFiles).toEqual(['specs/1000/epic.md', 'checked specs/1000/epic.md']);
	});

	it('runs onLayoutReady callbacks only once the layout is ready', async () => {
		const { app, plugin } = await setup();
		await app.vault.create('before.md', '');
		app.layoutReady();
		await app.vault.create('after.md', '');
		expect(plugin.created).toEqual(['after.md']);
	});

	it('keeps plugin data in .obsidian/plugins/<id>/data.json', async () => {
		const { app, plugin } = await setup({ '.obsidian/plugins/spec-workflow/data.json': '{"folder":"work"}' });
		expect(plugin.settings.folder).toBe('work');
		await plugin.saveData({ folder: 'elsewhere' });
		expect(await app.vault.adapter.read('.obsidian/plugins/spec-workflow/data.json')).toBe('{\n  "folder": "elsewhere"\n}');
		expect(await plugin.loadData()).toEqual({ folder: 'elsewhere' });
	});

	it('opens its view in the right sidebar from the ribbon, once', async () => {
		const { app } = await setup();
		const ribbon = app.ribbonItems.find((r) => r.title === 'Open status');
		ribbon?.el.click();
		await app.flush();
		ribbon?.el.click();
		await app.flush();
		const leaves = app.workspace.getLeavesOfType(VIEW);
		expect(leaves).toHaveLength(1);
		expect(leaves[0].side).toBe('right');
		expect(leaves[0].revealed).toBe(true);
		expect(app.workspace.rightSplit.collapsed).toBe(false);
		const view = leaves[0].view as unknown as StatusView;
		expect(view.opened).toBe(1);
		expect(view.containerEl.children[1].querySelector('h4')?.textContent).toBe('Spec status');
		expect(app.statusBarEl.textContent).toBe('Spec: none');
	});

	it('unload removes commands, views, ribbon icons, status items and listeners', async () => {
		const { app, plugin } = await setup();
		app.layoutReady();
		await plugin.activateView();
		await unloadPlugin(app, plugin);
		expect(app.commands.commands).toEqual({});
		expect(app.workspace.getLeavesOfType(VIEW)).toEqual([]);
		expect(app.ribbonItems).toEqual([]);
		expect(app.statusBarEl.children).toHaveLength(0);
		await app.vault.create('late.md', '');
		expect(plugin.created).toEqual([]);
	});
});

describe('fake Workspace', () => {
	it('tracks the active file and fires file-open and active-leaf-change', async () => {
		const app = createFakeApp({ 'a.md': 'A', 'b.md': 'B' });
		const events: string[] = [];
		app.workspace.on('file-open', (f: TFile | null) => events.push(`open ${f?.path ?? 'null'}`));
		app.workspace.on('active-leaf-change', () => events.push('leaf'));
		await app.workspace.setActiveFile(app.vault.getFileByPath('a.md'));
		expect(app.workspace.getActiveFile()?.path).toBe('a.md');
		const side = app.workspace.getRightLeaf(false);
		await side?.setViewState({ type: 'empty', active: true });
		// A sidebar taking focus does not change the active file.
		expect(app.workspace.getActiveFile()?.path).toBe('a.md');
		await app.workspace.openLinkText('b', 'a.md');
		expect(app.workspace.getActiveFile()?.path).toBe('b.md');
		expect(events).toEqual(['open a.md', 'leaf', 'leaf', 'open b.md']);
	});

	it('openLinkText creates a missing note, as clicking an unresolved link does', async () => {
		const app = createFakeApp({ 'specs/a.md': '' }, { config: { newFileLocation: 'current' } });
		await app.workspace.openLinkText('New idea#Part', 'specs/a.md');
		expect(app.vault.getFileByPath('specs/New idea.md')).not.toBeNull();
		expect(app.workspace.getActiveFile()?.path).toBe('specs/New idea.md');
	});

	it('a markdown view edits the file through its editor', async () => {
		const app = createFakeApp({ 'a.md': 'line one\n' });
		await app.workspace.setActiveFile(app.vault.getFileByPath('a.md'));
		const editor = app.workspace.activeEditor?.editor;
		editor?.setCursor({ line: 1, ch: 0 });
		editor?.replaceSelection('line two\n');
		await app.flush();
		expect(await app.vault.read(fileAt(app, 'a.md'))).toBe('line one\nline two\n');
	});
});
