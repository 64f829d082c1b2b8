import { listenerErrors } from './events';
import { FileManager } from './file-manager';
import { TFile, TFolder } from './files';
import { Keymap, Scope } from './keymap';
import { MetadataCache } from './metadata-cache';
import { requireFakeApi } from './misc';
import { openModals } from './modal';
import { clearNotices } from './notice';
import { Commands, type Plugin, type RibbonItem } from './plugin';
import { Scheduler } from './scheduler';
import type { PluginSettingTab } from './setting';
import { DEFAULT_VAULT_CONFIG, Vault, type VaultConfig } from './vault';
import { Workspace } from './workspace';

export interface FakeAppOptions {
	/** Vault name (vault.getName()). */
	vaultName?: string;
	/** Clock for file ctime/mtime. */
	now?: () => number;
	/** Vault settings, over Obsidian's defaults and any seeded `.obsidian/app.json`. */
	config?: Partial<VaultConfig>;
	/**
	 * 'deferred' (default): the metadata cache updates on a later macrotask, as in Obsidian;
	 * 'sync': it updates inside each vault write (simpler tests, less realistic).
	 */
	metadata?: 'deferred' | 'sync';
	/** Start with the layout ready (default false: call `app.layoutReady()`). */
	layoutReady?: boolean;
	/** Treat `Note.md` and `note.md` as different files (default false, like macOS/Windows/mobile). */
	caseSensitive?: boolean;
	/** Make `flush()` rethrow errors thrown by event listeners (default true). */
	throwListenerErrors?: boolean;
}

export class App {
	keymap = new Keymap();
	scope = new Scope();
	vault: Vault;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	workspace: Workspace;
	lastEvent = null;
	/** Obsidian's command registry (`app.commands.executeCommandById`). */
	commands: Commands;
	/** Loaded plugins (`app.plugins.getPlugin(id)`). */
	plugins: { plugins: Record<string, Plugin>; enabledPlugins: Set<string>; getPlugin(id: string): Plugin | null };
	/** Setting tabs added with addSettingTab, by plugin id (test helper). */
	readonly settingTabs = new Map<string, PluginSettingTab>();
	/** Ribbon icons added by plugins (test helper). */
	readonly ribbonItems: RibbonItem[] = [];
	private readonly scheduler: Scheduler;
	private readonly localStorage = new Map<string, string>();
	private statusBar: HTMLElement | null = null;
	private readonly throwListenerErrors: boolean;

	constructor(files: Record<string, string> = {}, options: FakeAppOptions = {}) {
		this.scheduler = new Scheduler(options.metadata === 'sync');
		this.throwListenerErrors = options.throwListenerErrors ?? true;
		this.vault = new Vault({ name: options.vaultName, now: options.now, caseSensitive: options.caseSensitive });
		for (const [path, text] of Object.entries(files)) this.vault.seed(path, text);
		const appJson = this.vault.adapter.hidden.get(`${this.vault.configDir}/app.json`);
		const seeded = appJson ? (JSON.parse(appJson) as Record<string, unknown>) : {};
		for (const [k, v] of Object.entries({ ...DEFAULT_VAULT_CONFIG, ...seeded, ...options.config })) this.vault.setConfig(k, v);
		this.metadataCache = new MetadataCache(this.vault, this.scheduler);
		this.fileManager = new FileManager(this.vault, this.metadataCache);
		this.workspace = new Workspace(this);
		this.commands = new Commands(this);
		const plugins: Record<string, Plugin> = {};
		this.plugins = { plugins, enabledPlugins: new Set<string>(), getPlugin: (id: string) => plugins[id] ?? null };
		if (options.layoutReady) this.workspace.markLayoutReady();
	}

	/** The status bar container (addStatusBarItem puts items here). */
	get statusBarEl(): HTMLElement {
		if (!this.statusBar) {
			this.statusBar = createDiv('status-bar');
		}
		return this.statusBar;
	}

	// Kept as JSON, as Obsidian keeps it in window.localStorage: a saved object changed later is not changed here.
	loadLocalStorage(key: string): unknown {
		requireFakeApi('loadLocalStorage', '1.8.7');
		const json = this.localStorage.get(key);
		return json === undefined ? null : (JSON.parse(json) as unknown);
	}

	saveLocalStorage(key: string, data: unknown): void {
		requireFakeApi('saveLocalStorage', '1.8.7');
		if (data === null || data === undefined) this.localStorage.delete(key);
		else this.localStorage.set(key, JSON.stringify(data));
	}

	/** Fires onLayoutReady callbacks (Obsidian does this once the workspace has loaded). */
	layoutReady(): void {
		this.workspace.markLayoutReady();
	}

	/** Keeps a promise that flush() waits for. */
	track(promise: Promise<unknown>): void {
		this.scheduler.track(promise);
	}

	/** Asks for an editor's save, debounced per key (see `Scheduler.saveLater`). */
	saveLater(key: unknown, save: () => Promise<unknown>): void {
		this.scheduler.saveLater(key, save);
	}

	cancelSave(key: unknown): void {
		this.scheduler.cancelSave(key);
	}

	/**
	 * Test helper: while held, typing stays unsaved (as within two seconds of the last keystroke) and
	 * `flush()` settles everything else; releasing lets the next `flush()` save it.
	 */
	holdEditorSaves(held = true): void {
		this.scheduler.savesHeld = held;
	}

	/**
	 * Runs deferred work now (metadata updates, editor saves, async command callbacks) and waits until
	 * nothing is pending. Then rethrows any error an event listener threw meanwhile.
	 */
	async flush(): Promise<void> {
		await this.scheduler.flush();
		if (this.throwListenerErrors && listenerErrors.length) {
			const errors = listenerErrors.splice(0);
			const text = errors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join('\n---\n');
			throw new Error(`${errors.length} event listener(s) threw:\n${text}`);
		}
	}

	/** Displays a plugin's setting tab (by plugin id) and returns it. */
	openSettingTab(pluginId: string): PluginSettingTab {
		const tab = this.settingTabs.get(pluginId);
		if (!tab) throw new Error(`No setting tab registered by ${pluginId}`);
		tab.display();
		return tab;
	}
}

/** The file at `path`; throws when there is none (test helper: saves null checks and casts). */
export function fileAt(app: App, path: string): TFile {
	const f = app.vault.getAbstractFileByPath(path);
	if (!(f instanceof TFile)) throw new Error(`No file at ${path}`);
	return f;
}

/** The folder at `path`; throws when there is none (test helper). */
export function folderAt(app: App, path: string): TFolder {
	const f = app.vault.getAbstractFileByPath(path);
	if (!(f instanceof TFolder)) throw new Error(`No folder at ${path}`);
	return f;
}

/**
 * A fresh fake app over an in-memory vault holding `files` (path → text; `.obsidian/…` paths go to
 * the adapter, and `.obsidian/app.json` seeds vault settings). The metadata cache is already built
 * for these files. Also clears the fake's global records: notices, open modals, listener errors.
 */
export function createFakeApp(files: Record<string, string> = {}, options: FakeAppOptions = {}): App {
	clearNotices();
	openModals.length = 0;
	listenerErrors.length = 0;
	return new App(files, options);
}
