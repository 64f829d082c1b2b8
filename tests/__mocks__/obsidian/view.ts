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
	/** The last ephemeral state given (`{ line: 12 }` when opened at a line), as the editor would scroll to it. */
	private ephemeral: Record<string, unknown> = {};

	getDisplayText(): string {
		return this.file?.basename ?? 'No file';
	}

	getEphemeralState(): Record<string, unknown> {
		return { ...this.ephemeral };
	}

	setEphemeralState(state: unknown): void {
		this.ephemeral = state !== null && typeof state === 'object' ? { ...(state as Record<string, unknown>) } : {};
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
 * A markdown editor view over a plain-text editor. Typing is saved as in Obsidian, two seconds
 * after the last keystroke: here when `app.flush()` lets time pass (`app.holdEditorSaves()` keeps it
 * unsaved), or at once with `save()`. Other views of the same file show the typing at once, as
 * Obsidian keeps them in step. A change of the file on disk is loaded into the editor, replacing
 * what it held (the plainest model of an outside write: a plugin must not count on a merge).
 */
export class MarkdownView extends FileView {
	editor: TextEditor;
	hoverPopover = null;
	private data = '';

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.editor = new TextEditor('', (text) => {
			this.data = text;
			for (const other of this.app.workspace.getLeavesOfType('markdown')) {
				const view = other.view;
				if (view !== this && view instanceof MarkdownView && view.file === this.file) view.follow(text);
			}
			this.requestSave();
		});
	}

	/** Shows another view's typing in this one (same file). */
	private follow(text: string): void {
		this.data = text;
		this.editor.load(text);
	}

	onload(): void {
		this.registerEvent(
			this.app.vault.on('modify', (f) => {
				if (f === this.file && f instanceof TFile && this.app.vault.contentOf(f) !== this.data) this.setViewData(this.app.vault.contentOf(f), false);
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

	async onUnloadFile(file: TFile): Promise<void> {
		// Obsidian saves a view's typing when it stops showing the file.
		if (this.app.vault.getFileByPath(file.path) === file && this.app.vault.contentOf(file) !== this.data) await this.app.vault.modify(file, this.data);
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

	/** Saves two seconds later (when the test lets time pass); one save per file, of its latest text. */
	requestSave(): void {
		const file = this.file;
		if (file) this.app.saveLater(file, () => this.save());
	}

	/** Writes the editor's text now, unless the file already holds it. */
	async save(clear?: boolean): Promise<void> {
		void clear;
		const file = this.file;
		if (!file) return;
		this.app.cancelSave(file);
		if (this.app.vault.getFileByPath(file.path) !== file) return;
		const data = this.data;
		await this.app.vault.process(file, (text) => (text === data ? text : data));
	}

	showSearch(): void {}
}
