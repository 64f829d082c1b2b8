import type { ViewStateResult } from 'obsidian';
import type { App } from './app';
import { Component } from './component';
import { TextEditor } from './editor';
import { TFile } from './files';
import type { WorkspaceLeaf } from './workspace';

/**
 * A view in a leaf. `containerEl.children[0]` is the header and `children[1]` the content, as in
 * Obsidian; ItemView's `contentEl` is the latter.
 */
export abstract class View extends Component {
	app: App;
	icon = '';
	navigation = false;
	leaf: WorkspaceLeaf;
	containerEl: HTMLElement;
	scope = null;

	constructor(leaf: WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = leaf.app;
		this.containerEl = createDiv('workspace-leaf-content');
		const header = this.containerEl.createDiv('view-header');
		header.createDiv('view-header-title');
		this.containerEl.createDiv('view-content');
	}

	protected async onOpen(): Promise<void> {}

	protected async onClose(): Promise<void> {}

	/** Called by the leaf: loads the view and runs onOpen. */
	async open(): Promise<void> {
		this.containerEl.setAttr('data-type', this.getViewType());
		this.load();
		await this.onOpen();
		this.containerEl.querySelector('.view-header-title')?.setText(this.getDisplayText());
	}

	/** Called by the leaf: runs onClose and unloads the view. */
	async close(): Promise<void> {
		await this.onClose();
		this.unload();
		this.containerEl.detach();
	}

	abstract getViewType(): string;

	getState(): Record<string, unknown> {
		return {};
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {
		void state;
		void result;
		return Promise.resolve();
	}

	getEphemeralState(): Record<string, unknown> {
		return {};
	}

	setEphemeralState(state: unknown): void {
		void state;
	}

	getIcon(): string {
		return this.icon;
	}

	onResize(): void {}

	abstract getDisplayText(): string;

	onPaneMenu(): void {}
}

export abstract class ItemView extends View {
	contentEl: HTMLElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.contentEl = this.containerEl.children[1] as HTMLElement;
	}

	addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const header = this.containerEl.children[0] as HTMLElement;
		const el = header.createEl('a', { cls: 'view-action clickable-icon', attr: { 'aria-label': title, 'data-icon': icon } });
		el.addEventListener('click', (evt) => void callback(evt));
		return el;
	}
}

export abstract class FileView extends ItemView {
	allowNoFile = false;
	file: TFile | null = null;
	navigation = true;

	getDisplayText(): string {
		return this.file?.basename ?? 'No file';
	}

	getState(): Record<string, unknown> {
		return this.file ? { file: this.file.path } : {};
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {
		void result;
		const path = (state as { file?: unknown } | null)?.file;
		const file = typeof path === 'string' ? this.app.vault.getFileByPath(path) : null;
		if (file === this.file) return;
		if (this.file) await this.onUnloadFile(this.file);
		this.file = file;
		if (file) await this.onLoadFile(file);
	}

	async onLoadFile(file: TFile): Promise<void> {
		void file;
		return Promise.resolve();
	}

	async onUnloadFile(file: TFile): Promise<void> {
		void file;
		return Promise.resolve();
	}

	async onRename(file: TFile): Promise<void> {
		void file;
		return Promise.resolve();
	}

	canAcceptExtension(extension: string): boolean {
		void extension;
		return false;
	}
}

/** A view for files the fake has no special view for (images, scripts…). */
export class UnknownFileView extends FileView {
	getViewType(): string {
		return 'file';
	}
}

export class EmptyView extends ItemView {
	getViewType(): string {
		return 'empty';
	}

	getDisplayText(): string {
		return 'New tab';
	}
}

/**
 * A markdown editor view over a plain-text editor. Edits are written to the vault right away
 * (Obsidian debounces them; `app.flush()` waits for the write); outside changes to the file are
 * loaded into the editor.
 */
export class MarkdownView extends FileView {
	editor: TextEditor;
	hoverPopover = null;
	private data = '';

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.editor = new TextEditor('', (text) => {
			this.data = text;
			this.requestSave();
		});
	}

	onload(): void {
		this.registerEvent(
			this.app.vault.on('modify', (f) => {
				if (f === this.file && f instanceof TFile) this.setViewData(this.app.vault.contentOf(f), false);
			}),
		);
		this.registerEvent(
			this.app.vault.on('delete', (f) => {
				if (f === this.file) this.leaf.detach();
			}),
		);
	}

	getViewType(): string {
		return 'markdown';
	}

	getMode(): 'source' | 'preview' {
		return 'source';
	}

	async onLoadFile(file: TFile): Promise<void> {
		this.setViewData(await this.app.vault.read(file), true);
	}

	getViewData(): string {
		return this.data;
	}

	setViewData(data: string, clear: boolean): void {
		void clear;
		this.data = data;
		this.editor.load(data);
	}

	clear(): void {
		this.setViewData('', true);
	}

	canAcceptExtension(extension: string): boolean {
		return extension === 'md';
	}

	requestSave(): void {
		const file = this.file;
		if (!file) return;
		const data = this.data;
		this.app.track(this.app.vault.process(file, () => data));
	}

	async save(clear?: boolean): Promise<void> {
		void clear;
		if (this.file) await this.app.vault.process(this.file, () => this.data);
	}

	showSearch(): void {}
}
