/**
 * Compile-time check (never run) that the fake's members match the real API's signatures: for every
 * member both have, arity and primitive parameter/return types must agree (object types are erased,
 * since the fake's classes are deliberately not the real ones). `tsc` fails on a mismatch.
 */
import type * as Real from 'obsidian';
import type * as Fake from '../obsidian';

type Erase<T> = T extends string | number | boolean | null | undefined | void
	? T
	: T extends readonly (infer U)[]
		? Erase<U>[]
		: T extends Promise<infer U>
			? Promise<Erase<U>>
			: unknown;
type Sig<T> = {
	[K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: { [I in keyof A]: Erase<A[I]> }) => Erase<R> : Erase<T[K]>;
};

declare function sig<T>(value: T): Sig<T>;

declare const fake: {
	app: Fake.App;
	vault: Fake.Vault;
	tfile: Fake.TFile;
	tfolder: Fake.TFolder;
	metadataCache: Fake.MetadataCache;
	fileManager: Fake.FileManager;
	workspace: Fake.Workspace;
	leaf: Fake.WorkspaceLeaf;
	plugin: Fake.Plugin;
	component: Fake.Component;
	itemView: Fake.ItemView;
	markdownView: Fake.MarkdownView;
	modal: Fake.Modal;
	setting: Fake.Setting;
	text: Fake.TextComponent;
	textArea: Fake.TextAreaComponent;
	toggle: Fake.ToggleComponent;
	dropdown: Fake.DropdownComponent;
	button: Fake.ButtonComponent;
	settingGroup: Fake.SettingGroup;
	extraButton: Fake.ExtraButtonComponent;
	notice: Fake.Notice;
	events: Fake.Events;
	adapter: Fake.FakeDataAdapter;
	keymap: Fake.Keymap;
	scope: Fake.Scope;
	platform: typeof Fake.Platform;
};

export const appConforms: Partial<Sig<Real.App>> = sig(fake.app);
export const vaultConforms: Partial<Sig<Real.Vault>> = sig(fake.vault);
export const tfileConforms: Partial<Sig<Real.TFile>> = sig(fake.tfile);
export const tfolderConforms: Partial<Sig<Real.TFolder>> = sig(fake.tfolder);
export const metadataCacheConforms: Partial<Sig<Real.MetadataCache>> = sig(fake.metadataCache);
export const fileManagerConforms: Partial<Sig<Real.FileManager>> = sig(fake.fileManager);
export const workspaceConforms: Partial<Sig<Real.Workspace>> = sig(fake.workspace);
export const leafConforms: Partial<Sig<Real.WorkspaceLeaf>> = sig(fake.leaf);
export const pluginConforms: Partial<Sig<Real.Plugin>> = sig(fake.plugin);
export const componentConforms: Partial<Sig<Real.Component>> = sig(fake.component);
export const itemViewConforms: Partial<Sig<Real.ItemView>> = sig(fake.itemView);
export const markdownViewConforms: Partial<Sig<Real.MarkdownView>> = sig(fake.markdownView);
export const modalConforms: Partial<Sig<Real.Modal>> = sig(fake.modal);
export const settingConforms: Partial<Sig<Real.Setting>> = sig(fake.setting);
export const textConforms: Partial<Sig<Real.TextComponent>> = sig(fake.text);
export const textAreaConforms: Partial<Sig<Real.TextAreaComponent>> = sig(fake.textArea);
export const toggleConforms: Partial<Sig<Real.ToggleComponent>> = sig(fake.toggle);
export const dropdownConforms: Partial<Sig<Real.DropdownComponent>> = sig(fake.dropdown);
export const buttonConforms: Partial<Sig<Real.ButtonComponent>> = sig(fake.button);
export const settingGroupConforms: Partial<Sig<Real.SettingGroup>> = sig(fake.settingGroup);
export const extraButtonConforms: Partial<Sig<Real.ExtraButtonComponent>> = sig(fake.extraButton);
export const noticeConforms: Partial<Sig<Real.Notice>> = sig(fake.notice);
export const eventsConforms: Partial<Sig<Real.Events>> = sig(fake.events);
export const adapterConforms: Partial<Sig<Real.DataAdapter>> = sig(fake.adapter);
export const keymapConforms: Partial<Sig<Real.Keymap>> = sig(fake.keymap);
export const scopeConforms: Partial<Sig<Real.Scope>> = sig(fake.scope);
export const platformConforms: typeof Real.Platform = fake.platform;

export const functions: {
	normalizePath: typeof Real.normalizePath;
	debounce: typeof Real.debounce;
	setIcon: typeof Real.setIcon;
	parseLinktext: typeof Real.parseLinktext;
	getLinkpath: typeof Real.getLinkpath;
	parseYaml: typeof Real.parseYaml;
	stringifyYaml: typeof Real.stringifyYaml;
	prepareFuzzySearch: typeof Real.prepareFuzzySearch;
	prepareSimpleSearch: typeof Real.prepareSimpleSearch;
	getFrontMatterInfo: typeof Real.getFrontMatterInfo;
	getAllTags: typeof Real.getAllTags;
	parseFrontMatterAliases: typeof Real.parseFrontMatterAliases;
	parseFrontMatterTags: typeof Real.parseFrontMatterTags;
	requireApiVersion: typeof Real.requireApiVersion;
	requestUrl: typeof Real.requestUrl;
} = null as unknown as {
	normalizePath: typeof Fake.normalizePath;
	debounce: typeof Fake.debounce;
	setIcon: typeof Fake.setIcon;
	parseLinktext: typeof Fake.parseLinktext;
	getLinkpath: typeof Fake.getLinkpath;
	parseYaml: typeof Fake.parseYaml;
	stringifyYaml: typeof Fake.stringifyYaml;
	prepareFuzzySearch: typeof Fake.prepareFuzzySearch;
	prepareSimpleSearch: typeof Fake.prepareSimpleSearch;
	getFrontMatterInfo: typeof Fake.getFrontMatterInfo;
	getAllTags: typeof Fake.getAllTags;
	parseFrontMatterAliases: typeof Fake.parseFrontMatterAliases;
	parseFrontMatterTags: typeof Fake.parseFrontMatterTags;
	requireApiVersion: typeof Fake.requireApiVersion;
	requestUrl: typeof Fake.requestUrl;
};
