import type { OpenViewState, PaneType, ViewState } from 'obsidian';
import type { App } from './app';
import { Events, type EventRef } from './events';
import { debounce } from './misc';
import { TFile } from './files';
import { parseLinktext } from './link-scan';
import { joinPath, normalizePath } from './paths';
import { EmptyView, FileView, MarkdownView, UnknownFileView, type View } from './view';

export type LeafSide = 'main' | 'left' | 'right';
export type ViewCreator = (leaf: WorkspaceLeaf) => View;

let leafCounter = 0;

/** A side dock (left or right sidebar); collapsed until a leaf in it is revealed. */
export class WorkspaceSidedock {
	collapsed = true;

	toggle(): void {
		this.collapsed = !this.collapsed;
	}

	collapse(): void {
		this.collapsed = true;
	}

	expand(): void {
		this.collapsed = false;
	}
}

export class WorkspaceLeaf extends Events {
	readonly id = `leaf-${++leafCounter}`;
	view: View;
	/** Which part of the window the leaf is in (fake-only). */
	readonly side: LeafSide;
	pinned = false;
	group: string | null = null;
	/** Set by `workspace.revealLeaf` (test helper). */
	revealed = false;
	parent: { side: LeafSide } = { side: 'main' };

	constructor(
		readonly app: App,
		side: LeafSide,
	) {
		super();
		this.side = side;
		this.parent = { side };
		this.view = new EmptyView(this);
	}

	get isDeferred(): boolean {
		return false;
	}

	async loadIfDeferred(): Promise<void> {
		return Promise.resolve();
	}

	getViewState(): ViewState {
		return { type: this.view.getViewType(), state: this.view.getState(), pinned: this.pinned };
	}

	/**
	 * Replaces the view (or, for the same type, passes the new state to the current one): the old
	 * view's onClose runs and it unloads; the new view loads, onOpen runs, then setState.
	 */
	async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
		const ws = this.app.workspace;
		if (this.view.getViewType() !== viewState.type || viewState.type === 'empty') {
			const old = this.view;
			await old.close();
			const view = ws.createView(viewState.type, this);
			this.view = view;
			await view.open();
		}
		const before = this.view instanceof FileView ? this.view.file : null;
		await this.view.setState(viewState.state ?? {}, { history: false });
		// As in Obsidian, the ephemeral state (`{ line }`, `{ subpath }`) goes to the view once it shows the file.
		if (eState !== undefined) this.view.setEphemeralState(eState);
		if (viewState.pinned !== undefined) this.pinned = viewState.pinned;
		if (viewState.active) ws.setActiveLeaf(this);
		else if (ws.activeLeaf === this && this.view instanceof FileView && this.view.file !== before) ws.fileOpened(this);
		ws.trigger('layout-change');
	}

	async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
		const type = this.app.workspace.viewTypeForExtension(file.extension);
		await this.setViewState({ type, state: { ...(openState?.state ?? {}), file: file.path }, active: openState?.active ?? true }, openState?.eState);
	}

	async open(view: View): Promise<View> {
		await this.view.close();
		this.view = view;
		await view.open();
		return view;
	}

	getEphemeralState(): unknown {
		return this.view.getEphemeralState();
	}

	setEphemeralState(state: unknown): void {
		this.view.setEphemeralState(state);
	}

	togglePinned(): void {
		this.pinned = !this.pinned;
		this.trigger('pinned-change', this.pinned);
	}

	setPinned(pinned: boolean): void {
		this.pinned = pinned;
		this.trigger('pinned-change', pinned);
	}

	setGroupMember(other: WorkspaceLeaf): void {
		this.group = other.group;
	}

	setGroup(group: string): void {
		this.group = group;
		this.trigger('group-change', group);
	}

	/** Closes the view and removes the leaf from the workspace. */
	detach(): void {
		this.app.workspace.removeLeaf(this);
	}

	getIcon(): string {
		return this.view.getIcon();
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
	}

	onResize(): void {}

	getRoot(): this {
		return this;
	}

	getContainer(): this {
		return this;
	}
}

/**
 * The workspace: one main area with tabs (leaves), a left and a right sidebar. Starts with one empty
 * main leaf, active. Events: `file-open` (file | null) when the active leaf shows another file,
 * `active-leaf-change` (leaf), `layout-change`.
 */
export class Workspace extends Events {
	leftSplit = new WorkspaceSidedock();
	rightSplit = new WorkspaceSidedock();
	leftRibbon = {};
	rightRibbon = {};
	rootSplit = {};
	activeLeaf: WorkspaceLeaf | null = null;
	layoutReady = false;
	/** Every leaf, in creation order (test helper). */
	readonly leaves: WorkspaceLeaf[] = [];
	/** Registered view types (Plugin.registerView). */
	readonly viewRegistry = new Map<string, ViewCreator>();
	/** Extension → view type (Plugin.registerExtensions). */
	readonly extensionRegistry = new Map<string, string>();
	/** Paths opened, most recent first. */
	private readonly recentFiles: string[] = [];
	private readonly recentLeaves: WorkspaceLeaf[] = [];
	private readonly layoutCallbacks: (() => unknown)[] = [];
	private container: HTMLElement | null = null;
	private lastOpened: TFile | null | undefined = undefined;
	/** Layout saving is a no-op in the fake. */
	requestSaveLayout = debounce(async () => Promise.resolve(), 0);

	constructor(readonly app: App) {
		super();
		const leaf = this.addLeaf('main');
		this.activeLeaf = leaf;
		this.recentLeaves.push(leaf);
	}

	on(name: 'file-open', callback: (file: TFile | null) => unknown, ctx?: unknown): EventRef;
	on(name: 'active-leaf-change', callback: (leaf: WorkspaceLeaf | null) => unknown, ctx?: unknown): EventRef;
	on(name: 'layout-change', callback: () => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		return super.on(name, callback, ctx);
	}

	get containerEl(): HTMLElement {
		if (!this.container) this.container = createDiv('workspace');
		return this.container;
	}

	get activeEditor(): MarkdownView | null {
		const view = this.activeLeaf?.view;
		return view instanceof MarkdownView ? view : null;
	}

	/** Runs `callback` when the app's layout is ready (at once if it already is). */
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) void callback();
		else this.layoutCallbacks.push(callback);
	}

	/** Called by `app.layoutReady()`. */
	markLayoutReady(): void {
		if (this.layoutReady) return;
		this.layoutReady = true;
		for (const cb of this.layoutCallbacks.splice(0)) void cb();
	}

	createView(type: string, leaf: WorkspaceLeaf): View {
		if (type === 'markdown') return new MarkdownView(leaf);
		if (type === 'file') return new UnknownFileView(leaf);
		const creator = this.viewRegistry.get(type);
		// Obsidian shows an empty tab for an unknown type; so does the fake.
		return creator ? creator(leaf) : new EmptyView(leaf);
	}

	viewTypeForExtension(extension: string): string {
		if (extension === 'md') return 'markdown';
		return this.extensionRegistry.get(extension) ?? 'file';
	}

	private addLeaf(side: 'main' | 'left' | 'right'): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, side);
		this.leaves.push(leaf);
		return leaf;
	}

	removeLeaf(leaf: WorkspaceLeaf): void {
		const i = this.leaves.indexOf(leaf);
		if (i < 0) return;
		this.leaves.splice(i, 1);
		const r = this.recentLeaves.indexOf(leaf);
		if (r >= 0) this.recentLeaves.splice(r, 1);
		this.app.track(leaf.view.close());
		if (!this.leaves.some((l) => l.side === 'main')) this.addLeaf('main');
		if (this.activeLeaf === leaf) {
			const next = this.getMostRecentLeaf() ?? this.leaves.find((l) => l.side === 'main') ?? null;
			if (next) this.setActiveLeaf(next);
			else {
				this.activeLeaf = null;
				this.trigger('active-leaf-change', null);
			}
		}
		this.trigger('layout-change');
	}

	/** Makes `leaf` active: `active-leaf-change`, and `file-open` when it shows a file. */
	setActiveLeaf(leaf: WorkspaceLeaf, params?: { focus?: boolean } | boolean): void {
		void params;
		if (this.activeLeaf === leaf) {
			if (leaf.view instanceof FileView) this.fileOpened(leaf);
			return;
		}
		this.activeLeaf = leaf;
		const r = this.recentLeaves.indexOf(leaf);
		if (r >= 0) this.recentLeaves.splice(r, 1);
		this.recentLeaves.unshift(leaf);
		this.trigger('active-leaf-change', leaf);
		if (leaf.view instanceof FileView) this.fileOpened(leaf);
	}

	/** Fires `file-open` when the active file view shows a different file than last time. */
	fileOpened(leaf: WorkspaceLeaf): void {
		const file = leaf.view instanceof FileView ? leaf.view.file : null;
		if (file) {
			const r = this.recentFiles.indexOf(file.path);
			if (r >= 0) this.recentFiles.splice(r, 1);
			this.recentFiles.unshift(file.path);
		}
		if (file === this.lastOpened) return;
		this.lastOpened = file;
		this.trigger('file-open', file);
	}

	getLeaf(newLeaf?: PaneType | boolean | 'split'): WorkspaceLeaf {
		if (newLeaf) return this.addLeaf('main');
		const current = this.activeLeaf && this.activeLeaf.side === 'main' ? this.activeLeaf : this.getMostRecentLeaf();
		if (current && !current.pinned) return current;
		return this.addLeaf('main');
	}

	getUnpinnedLeaf(): WorkspaceLeaf {
		return this.getLeaf(false);
	}

	getMostRecentLeaf(): WorkspaceLeaf | null {
		return this.recentLeaves.find((l) => l.side === 'main') ?? this.leaves.find((l) => l.side === 'main') ?? null;
	}

	getLeftLeaf(split: boolean): WorkspaceLeaf | null {
		void split;
		return this.addLeaf('left');
	}

	getRightLeaf(split: boolean): WorkspaceLeaf | null {
		void split;
		return this.addLeaf('right');
	}

	createLeafBySplit(leaf: WorkspaceLeaf): WorkspaceLeaf {
		return this.addLeaf(leaf.side);
	}

	splitActiveLeaf(): WorkspaceLeaf {
		return this.addLeaf('main');
	}

	getLeafById(id: string): WorkspaceLeaf | null {
		return this.leaves.find((l) => l.id === id) ?? null;
	}

	getGroupLeaves(group: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.group === group);
	}

	/** The leaf of `type` in that sidebar, created (and by default revealed) when missing. */
	async ensureSideLeaf(type: string, side: 'left' | 'right', options?: { active?: boolean; split?: boolean; reveal?: boolean; state?: unknown }): Promise<WorkspaceLeaf> {
		let leaf = this.leaves.find((l) => l.side === side && l.view.getViewType() === type);
		if (!leaf) {
			leaf = (side === 'left' ? this.getLeftLeaf(options?.split ?? false) : this.getRightLeaf(options?.split ?? false)) as WorkspaceLeaf;
			await leaf.setViewState({ type, state: options?.state as Record<string, unknown> | undefined, active: options?.active });
		} else if (options?.active) this.setActiveLeaf(leaf);
		if (options?.reveal !== false) await this.revealLeaf(leaf);
		return leaf;
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	/** The file of the active leaf, or else of the most recently active file view; null when none. */
	getActiveFile(): TFile | null {
		const active = this.activeLeaf?.view;
		if (active instanceof FileView && active.file) return active.file;
		for (const leaf of this.recentLeaves) if (leaf.view instanceof FileView && leaf.view.file) return leaf.view.file;
		return null;
	}

	/** Test helper: opens `file` in the main area and makes it active (null: shows an empty tab). */
	async setActiveFile(file: TFile | null): Promise<void> {
		const leaf = this.getLeaf(false);
		if (file) await leaf.openFile(file, { active: true });
		else await leaf.setViewState({ type: 'empty', active: true });
	}

	iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const l of this.leaves.filter((x) => x.side === 'main')) callback(l);
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const l of [...this.leaves]) callback(l);
	}

	getLeavesOfType(viewType: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view.getViewType() === viewType);
	}

	detachLeavesOfType(viewType: string): void {
		for (const l of this.getLeavesOfType(viewType)) l.detach();
	}

	/** Expands the leaf's sidebar and marks it revealed. */
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		if (leaf.side === 'left') this.leftSplit.expand();
		if (leaf.side === 'right') this.rightSplit.expand();
		leaf.revealed = true;
		return Promise.resolve();
	}

	getLastOpenFiles(): string[] {
		return this.recentFiles.slice(0, 10);
	}

	/**
	 * Opens the file a link points to, from `sourcePath`. As in Obsidian, a link to a missing note
	 * creates it (in the folder the link names, or where new notes go) and opens it.
	 */
	async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
		const { path, subpath } = parseLinktext(linktext);
		let file = path === '' ? this.app.vault.getFileByPath(sourcePath) : this.app.metadataCache.getFirstLinkpathDest(path, sourcePath);
		if (!file) {
			const name = /\.[^/.]+$/.test(path) ? path : `${path}.md`;
			const target = path.includes('/') ? normalizePath(name) : joinPath(this.app.fileManager.getNewFileParent(sourcePath).path, name);
			file = await this.app.vault.create(target, '');
		}
		const leaf = this.getLeaf(newLeaf);
		await leaf.openFile(file, { ...openViewState, eState: { ...(openViewState?.eState ?? {}), subpath } });
	}

	updateOptions(): void {}
}
