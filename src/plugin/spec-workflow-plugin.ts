import { Plugin, TAbstractFile, TFile } from 'obsidian';
import { SpecIndex } from '../core/index/spec-index';
import { DEFAULT_SETTINGS, SpecWorkflowSettings } from './settings';
import { VaultFileStore } from './vault-file-store';

export default class SpecWorkflowPlugin extends Plugin {
	settings: SpecWorkflowSettings = { ...DEFAULT_SETTINGS };
	store!: VaultFileStore;
	index!: SpecIndex;
	/** Resolves once the first index build has finished (after the layout is ready). */
	indexReady!: Promise<void>;

	async onload(): Promise<void> {
		// Start-up only registers things; the vault is read once the layout is ready.
		this.settings = { ...DEFAULT_SETTINGS, ...((await this.loadData()) as Partial<SpecWorkflowSettings> | null) };
		this.store = new VaultFileStore(this.app);
		this.index = this.createIndex();
		let markReady: () => void = () => {};
		this.indexReady = new Promise((resolve) => (markReady = resolve));
		this.app.workspace.onLayoutReady(() => {
			void this.buildIndex().then(markReady);
		});
	}

	private createIndex(): SpecIndex {
		return new SpecIndex({
			specsRoot: this.settings.specsRoot,
			resolveLink: (linkpath, sourcePath) => this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath)?.path ?? null,
		});
	}

	private async buildIndex(): Promise<void> {
		// Yield between chunks so a large vault never freezes the UI.
		await this.index.build(this.store, { pause: () => new Promise((resolve) => window.setTimeout(resolve, 0)) });
		this.registerEvent(this.app.vault.on('create', (file) => void this.onFileChanged(file)));
		this.registerEvent(this.app.vault.on('modify', (file) => void this.onFileChanged(file)));
		this.registerEvent(this.app.vault.on('delete', (file) => this.index.remove(file.path)));
		this.registerEvent(
			this.app.vault.on('rename', (file, oldPath) => {
				this.index.remove(oldPath);
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
