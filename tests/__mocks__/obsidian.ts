/**
 * A fake of the `obsidian` module that behaves like Obsidian for plugin tests (jest maps `obsidian`
 * here). Start with `createFakeApp({...files})`; see tests/fake-obsidian for examples.
 *
 * Timing model: vault events fire synchronously inside each write, before its promise resolves; the
 * metadata cache catches up on a later macrotask; `await app.flush()` settles everything.
 */
import { installDomHelpers } from './obsidian/dom';
import { installPolyfills } from './obsidian/polyfills';

installPolyfills();
installDomHelpers();

export { App, createFakeApp, fileAt, folderAt, type FakeAppOptions } from './obsidian/app';
export {
	BasesEntry,
	BasesEntryGroup,
	BasesQueryResult,
	BasesView,
	BasesViewConfig,
	basesViews,
	QueryController,
	showBasesView,
	updateBasesView,
	type ShownBasesView,
} from './obsidian/bases';
export { Component } from './obsidian/component';
export { domDocument, domWindow, installDomHelpers } from './obsidian/dom';
export { Editor } from './obsidian/editor';
export { Events, listenerErrors, type EventRef } from './obsidian/events';
export { FileManager } from './obsidian/file-manager';
export { FileSystemAdapter, useFileSystemAdapter } from './obsidian/file-system-adapter';
export { TAbstractFile, TFile, TFolder, type FileStats } from './obsidian/files';
export { addIcon, getIcon, getIconIds, removeIcon, setIcon } from './obsidian/icons';
export { Keymap, Scope } from './obsidian/keymap';
export { getLinkpath, parseLinktext } from './obsidian/link-scan';
export { MetadataCache } from './obsidian/metadata-cache';
export {
	getAllTags,
	getFrontMatterInfo,
	iterateCacheRefs,
	iterateRefs,
	parseFrontMatterAliases,
	parseFrontMatterEntry,
	parseFrontMatterStringArray,
	parseFrontMatterTags,
} from './obsidian/metadata-helpers';
export {
	apiVersion,
	arrayBufferToBase64,
	base64ToArrayBuffer,
	debounce,
	Platform,
	request,
	requestUrl,
	requireApiVersion,
	resetApiVersion,
	resetPlatform,
	setApiVersion,
	setMobilePlatform,
	setTooltip,
	stripHeading,
	stripHeadingForLink,
} from './obsidian/misc';
export { chooseSuggestion, FuzzySuggestModal, getOpenModal, Modal, openModals, SuggestModal, suggestionsUpdated, suggestionTexts, typeInSuggestModal } from './obsidian/modal';
export { clearNotices, Notice, noticeLog, notices, shownNotices } from './obsidian/notice';
export { normalizePath } from './obsidian/paths';
export { Commands, loadPlugin, Plugin, runCommand, unloadPlugin, type RegisteredCommand, type RibbonItem } from './obsidian/plugin';
export { cliData, cliHandlers, runCliCommand, type RegisteredCliHandler } from './obsidian/plugin';
export { prepareFuzzySearch, prepareSimpleSearch, sortSearchResults } from './obsidian/search';
export {
	AbstractTextComponent,
	BaseComponent,
	ButtonComponent,
	DropdownComponent,
	ExtraButtonComponent,
	findSetting,
	PluginSettingTab,
	ProgressBarComponent,
	SearchComponent,
	Setting,
	SettingTab,
	SliderComponent,
	TextAreaComponent,
	TextComponent,
	ToggleComponent,
	ValueComponent,
} from './obsidian/setting';
export { AbstractInputSuggest, chooseInputSuggestion, inputSuggestionTexts, PopoverSuggest, SettingGroup, typeInInputSuggest } from './obsidian/ui';
export { DEFAULT_VAULT_CONFIG, FakeDataAdapter, Vault, type VaultConfig, type VaultOptions } from './obsidian/vault';
export { EmptyView, FileView, ItemView, MarkdownView, View } from './obsidian/view';
export { Workspace, WorkspaceLeaf, WorkspaceSidedock, type ViewCreator } from './obsidian/workspace';
export { parseYaml, stringifyYaml } from './obsidian/yaml';
