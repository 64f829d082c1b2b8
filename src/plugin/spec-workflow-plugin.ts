import { Notice, Plugin, TAbstractFile, TFile } from 'obsidian';
import { BaselineMemo } from '../core/deliverables/baseline-memo';
import { SpecIndex } from '../core/index/spec-index';
import { Workspace } from '../core/workspace/workspace';
import { registerCliHandlers } from './cli-handlers';
import { registerCommands } from './commands/register-commands';
import { pluginWorkspace } from './plugin-workspace';
import { adapterMigrationLogs } from './shared/migration-log-adapter';
import { DEFAULT_SETTINGS, mistypedSettingsNotice, SpecWorkflowSettings } from './settings';
import { settingsFromData, SpecWorkflowSettingTab } from './settings-tab';
import { VaultFileStore } from './vault-file-store';
import { registerStatusView, revealStatusPanel } from './views/register-status-view';
import { registerSpecTreeBasesView } from './views/spec-tree-bases-view';

export default class SpecWorkflowPlugin extends Plugin {
	settings: SpecWorkflowSettings = { ...DEFAULT_SETTINGS };
	store!: VaultFileStore;
	index!: SpecIndex;
	/** Resolves once the current index has been built (after the layout is ready). */
	indexReady!: Promise<void>;
	/** The clock every operation uses; tests fix it to compare bytes with the CLI. */
	now: () => Date = () => new Date();
	/** Deliverables' hashes between redraws of the panel, forgotten on each vault event for the file. */
	readonly baselines = new BaselineMemo();
	/** This plugin's command callbacks by id (without the prefix): the panel's fallback runner. */

	async onload(): Promise<void> {
		// Start-up only registers things; the vault is read once the layout is ready.
		const data: unknown = await this.loadData();
		this.settings = settingsFromData(data);
		const mistyped = mistypedSettingsNotice(data, `${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`);
		if (mistyped !== null) new Notice(mistyped);
		this.store = new VaultFileStore(this.app);
		this.index = this.createIndex();
		let markReady: () => void = () => {};
		this.indexReady = new Promise((resolve) => (markReady = resolve));
		registerCommands(this);
		registerCliHandlers(this);
		registerStatusView(this);
		registerSpecTreeBasesView(this);
		this.addSettingTab(new SpecWorkflowSettingTab(this.app, this));
		this.app.workspace.onLayoutReady(() => {
			this.registerIndexEvents();
			void this.buildIndex(this.index).then(markReady);
		});
	}

	/** The core workflow's view of this vault, with the current settings and clock. */
	workspace(): Workspace {
		return { ...pluginWorkspace(this.app, this.store, this.index, this.settings, this.now), baselines: this.baselines, migrationLogs: adapterMigrationLogs(this.app) };
	}

	/** Shows the spec status panel in the right sidebar (the start command calls this after starting). */
	async revealStatusPanel(): Promise<void> {
		await revealStatusPanel(this);
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
	}

	/** After the specs folder or the ignored folders change: a fresh index with the new settings. */
	async rebuildIndex(): Promise<void> {
		const index = this.createIndex();
		this.index = index;
		this.indexReady = this.buildIndex(index);
		await this.indexReady;
	}

	private createIndex(): SpecIndex {
		return new SpecIndex({
			specsRoot: this.settings.specsRoot,
			ignore: this.settings.ignoredFolders,
			resolveLink: (linkpath, sourcePath) => this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath)?.path ?? null,
		});
	}

	private async buildIndex(index: SpecIndex): Promise<void> {
		try {
			// Yield between chunks so a large vault never freezes the UI.
			await index.build(this.store, { pause: () => new Promise((resolve) => window.setTimeout(resolve, 0)) });
		} catch (e) {
			// Reading files is all the build does; say so plainly rather than leave commands waiting forever.
			new Notice(`Spec workflow could not read the specs folder "${this.settings.specsRoot}": ${e instanceof Error ? e.message : String(e)}`);
		}
	}

	private registerIndexEvents(): void {
		// A file added, removed or renamed anywhere (not only under the specs folder) can change where a spec's links lead.
		this.registerEvent(
			this.app.vault.on('create', (file) => {
				this.index.linksChanged();
				void this.onFileChanged(file);
			}),
		);
		this.registerEvent(
			this.app.vault.on('modify', (file) => {
				this.baselines.forget(file.path);
				void this.onFileChanged(file);
			}),
		);
		this.registerEvent(
			this.app.vault.on('delete', (file) => {
				this.baselines.forget(file.path);
				this.index.remove(file.path);
				this.index.linksChanged();
			}),
		);
		this.registerEvent(
			this.app.vault.on('rename', (file, oldPath) => {
				this.baselines.forget(oldPath);
				this.index.remove(oldPath);
				this.index.linksChanged();
				void this.onFileChanged(file);
			}),
		);
	}

	private async onFileChanged(file: TAbstractFile): Promise<void> {
		if (!(file instanceof TFile) || !this.index.concerns(file.path)) return;
		const text = this.index.needsText(file.path) ? await this.app.vault.cachedRead(file) : undefined;
		this.index.update(file.path, text);
	}
}
