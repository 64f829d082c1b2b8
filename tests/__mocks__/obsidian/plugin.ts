import type { BasesViewRegistration, CliData, CliFlags, CliHandler, Command, Hotkey, PluginManifest } from 'obsidian';
import type { App } from './app';
import { basesViews } from './bases';
import { Component } from './component';
import { setIcon } from './icons';
import { requireApiVersion } from './misc';
import type { PluginSettingTab } from './setting';
import type { ViewCreator } from './workspace';

/** A registered command as the app's registry holds it: `id` is `pluginId:commandId`. */
export interface RegisteredCommand extends Command {
	id: string;
	hotkeys?: Hotkey[];
}

/** A ribbon icon added by a plugin (test helper). */
export interface RibbonItem {
	icon: string;
	title: string;
	el: HTMLElement;
	plugin: Plugin;
}

/**
 * The app's command registry, as Obsidian's `app.commands`. `executeCommandById` follows
 * Obsidian: checkCallback(true) must allow it, editor commands need an active markdown view;
 * it returns false when the command cannot run. It does not wait for async callbacks —
 * `runCommand` (or `app.flush()`) does.
 */
export class Commands {
	readonly commands: Record<string, RegisteredCommand> = {};
	/** What the last executed callback returned (a promise for async callbacks). */
	lastResult: unknown = undefined;

	constructor(private readonly app: App) {}

	listCommands(): RegisteredCommand[] {
		return Object.values(this.commands);
	}

	findCommand(id: string): RegisteredCommand | undefined {
		return this.commands[id];
	}

	/** Would the command run now? (What the command palette checks before listing it.) */
	isAvailable(id: string): boolean {
		const cmd = this.commands[id];
		if (!cmd) return false;
		const editorView = this.app.workspace.activeEditor;
		if (cmd.checkCallback) return cmd.checkCallback(true) === true;
		if (cmd.editorCheckCallback) return editorView !== null && cmd.editorCheckCallback(true, editorView.editor as never, editorView as never) === true;
		if (cmd.editorCallback) return editorView !== null;
		return cmd.callback !== undefined;
	}

	executeCommandById(id: string): boolean {
		const cmd = this.commands[id];
		if (!cmd || !this.isAvailable(id)) return false;
		const editorView = this.app.workspace.activeEditor;
		let result: unknown;
		if (cmd.checkCallback) result = cmd.checkCallback(false);
		else if (cmd.editorCheckCallback && editorView) result = cmd.editorCheckCallback(false, editorView.editor as never, editorView as never);
		else if (cmd.editorCallback && editorView) result = cmd.editorCallback(editorView.editor as never, editorView as never);
		else if (cmd.callback) result = cmd.callback();
		this.lastResult = result;
		if (result instanceof Promise) this.app.track(result);
		return true;
	}
}

/** Runs a command by full id and waits for its async work and the vault to settle. */
export async function runCommand(app: App, id: string): Promise<boolean> {
	const ran = app.commands.executeCommandById(id);
	if (ran && app.commands.lastResult instanceof Promise) await app.commands.lastResult;
	await app.flush();
	return ran;
}

/** A handler registered for Obsidian's command line (`obsidian <command> key=value flag …`), as the app holds it. */
export interface RegisteredCliHandler {
	command: string;
	description: string;
	flags: CliFlags | null;
	handler: CliHandler;
	plugin: Plugin;
}

const cliRegistries = new WeakMap<App, Map<string, RegisteredCliHandler>>();

/** The command line handlers registered in this app, by command id. */
export function cliHandlers(app: App): Map<string, RegisteredCliHandler> {
	let registry = cliRegistries.get(app);
	if (!registry) cliRegistries.set(app, (registry = new Map<string, RegisteredCliHandler>()));
	return registry;
}

/**
 * The parameters Obsidian's CLI hands a handler for `obsidian <command> <args…>`: each `key=value`
 * as that pair (the value as the shell passed it, spaces kept), each bare word as a flag set to 'true'.
 */
export function cliData(args: readonly string[]): CliData {
	const data: CliData = {};
	for (const arg of args) {
		const eq = arg.indexOf('=');
		if (eq > 0) data[arg.slice(0, eq)] = arg.slice(eq + 1);
		else data[arg] = 'true';
	}
	return data;
}

/**
 * Runs `obsidian <command> <args…>` as Obsidian's CLI would: the registered handler with the
 * parameters parsed from `args`, its answer the text printed; an unknown command throws.
 */
export async function runCliCommand(app: App, command: string, args: readonly string[] = []): Promise<string> {
	const registered = cliHandlers(app).get(command);
	if (!registered) throw new Error(`Command "${command}" not found`);
	const out = await registered.handler(cliData(args));
	await app.flush();
	return out;
}

/** Obsidian 1.12.2's Plugin.registerCliHandler: ids are global, a second registration of one throws; unloading removes it. */
function registerCliHandler(this: Plugin, command: string, description: string, flags: CliFlags | null, handler: CliHandler): void {
	const registry = cliHandlers(this.app);
	if (registry.has(command)) throw new Error(`CLI command "${command}" is already registered`);
	registry.set(command, { command, description, flags, handler, plugin: this });
	this.register(() => registry.delete(command));
}

export abstract class Plugin extends Component {
	app: App;
	manifest: PluginManifest;
	/** Since Obsidian 1.12.2: undefined on an app the fake plays older (setApiVersion), as the method is missing there. */
	declare registerCliHandler: (command: string, description: string, flags: CliFlags | null, handler: CliHandler) => void;
	/** Since Obsidian 1.10: undefined on an app the fake plays older (setApiVersion). */
	declare registerBasesView: (viewId: string, registration: BasesViewRegistration) => boolean;

	constructor(app: App, manifest: PluginManifest) {
		super();
		this.app = app;
		this.manifest = manifest;
	}

	private get dataPath(): string {
		return `${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`;
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = createDiv('side-dock-ribbon-action clickable-icon');
		el.setAttr('aria-label', title);
		setIcon(el, icon);
		el.addEventListener('click', (evt) => {
			const out = callback(evt);
			if (out instanceof Promise) this.app.track(out);
		});
		const item: RibbonItem = { icon, title, el, plugin: this };
		this.app.ribbonItems.push(item);
		this.register(() => {
			const i = this.app.ribbonItems.indexOf(item);
			if (i >= 0) this.app.ribbonItems.splice(i, 1);
			el.detach();
		});
		return el;
	}

	addStatusBarItem(): HTMLElement {
		const el = this.app.statusBarEl.createDiv('status-bar-item');
		el.addClass(`plugin-${this.manifest.id.replace(/[^a-z0-9-]/gi, '-')}`);
		this.register(() => el.detach());
		return el;
	}

	addCommand(command: Command): Command {
		const full: RegisteredCommand = { ...command, id: `${this.manifest.id}:${command.id}`, name: command.name };
		this.app.commands.commands[full.id] = full;
		this.register(() => delete this.app.commands.commands[full.id]);
		return full;
	}

	removeCommand(commandId: string): void {
		delete this.app.commands.commands[`${this.manifest.id}:${commandId}`];
	}

	addSettingTab(settingTab: PluginSettingTab): void {
		this.app.settingTabs.set(this.manifest.id, settingTab);
		this.register(() => this.app.settingTabs.delete(this.manifest.id));
	}

	registerView(type: string, viewCreator: ViewCreator): void {
		this.app.workspace.viewRegistry.set(type, viewCreator);
		this.register(() => {
			this.app.workspace.detachLeavesOfType(type);
			this.app.workspace.viewRegistry.delete(type);
		});
	}

	registerExtensions(extensions: string[], viewType: string): void {
		for (const ext of extensions) this.app.workspace.extensionRegistry.set(ext, viewType);
		this.register(() => {
			for (const ext of extensions) this.app.workspace.extensionRegistry.delete(ext);
		});
	}

	registerHoverLinkSource(id: string, info: unknown): void {
		void id;
		void info;
	}

	registerMarkdownPostProcessor<P>(postProcessor: P, sortOrder?: number): P {
		void sortOrder;
		return postProcessor;
	}

	registerMarkdownCodeBlockProcessor(language: string, handler: unknown, sortOrder?: number): unknown {
		void sortOrder;
		return Object.assign(() => undefined, { language, handler });
	}

	registerEditorExtension(extension: unknown): void {
		void extension;
	}

	registerObsidianProtocolHandler(action: string, handler: unknown): void {
		void action;
		void handler;
	}

	registerEditorSuggest(editorSuggest: unknown): void {
		void editorSuggest;
	}

	/** Reads `<configDir>/plugins/<id>/data.json` from the adapter; null when there is none. */
	async loadData(): Promise<unknown> {
		const path = this.dataPath;
		if (!(await this.app.vault.adapter.exists(path))) return null;
		return JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
	}

	async saveData(data: unknown): Promise<void> {
		await this.app.vault.adapter.write(this.dataPath, JSON.stringify(data, null, 2));
	}

	onUserEnable(): void {}
}

/** Obsidian 1.10's Plugin.registerBasesView: view ids are global (a second registration of one is refused); unloading removes it. */
function registerBasesView(this: Plugin, viewId: string, registration: BasesViewRegistration): boolean {
	const registry = basesViews(this.app);
	if (registry.has(viewId)) return false;
	registry.set(viewId, registration);
	this.register(() => registry.delete(viewId));
	return true;
}

Object.defineProperty(Plugin.prototype, 'registerBasesView', {
	get: () => (requireApiVersion('1.10.0') ? registerBasesView : undefined),
	configurable: true,
});

Object.defineProperty(Plugin.prototype, 'registerCliHandler', {
	get: () => (requireApiVersion('1.12.2') ? registerCliHandler : undefined),
	configurable: true,
});

const defaultManifest = (id: string): PluginManifest => ({
	id,
	name: id,
	author: 'test',
	version: '0.0.0',
	minAppVersion: '1.8.7',
	description: '',
});

/**
 * Constructs and loads a plugin as Obsidian does (awaiting an async onload), registers it in
 * `app.plugins`, and resolves once the vault and metadata have settled. The class is typed
 * loosely so a plugin compiled against the real typings can be passed in.
 */
export async function loadPlugin<P>(app: App, PluginClass: new (app: never, manifest: never) => P, manifest?: Partial<PluginManifest>): Promise<P> {
	const full = { ...defaultManifest(manifest?.id ?? 'test-plugin'), ...manifest };
	const plugin = new PluginClass(app as never, full as never);
	const p = plugin as unknown as Plugin;
	p.load();
	await p.loading;
	app.plugins.plugins[full.id] = p;
	app.plugins.enabledPlugins.add(full.id);
	await app.flush();
	return plugin;
}

/** Unloads a plugin (commands, views, events, intervals go away) and unregisters it. */
export async function unloadPlugin(app: App, plugin: unknown): Promise<void> {
	const p = plugin as Plugin;
	p.unload();
	delete app.plugins.plugins[p.manifest.id];
	app.plugins.enabledPlugins.delete(p.manifest.id);
	await app.flush();
}
