import { App, debounce, normalizePath, PluginSettingTab, requireApiVersion, Setting, SettingGroup } from 'obsidian';
import { parseGlobList } from '../core/index/ignored-folders';
import { DEFAULT_SETTINGS, SpecWorkflowSettings } from './settings';
import { FolderSuggest } from './shared/folder-suggest';
import type SpecWorkflowPlugin from './spec-workflow-plugin';

/** How long the specs folder or the ignored folders must stay unchanged before the specs are re-read. */
export const SPECS_FOLDER_DELAY_MS = 600;

type SettingKey = keyof SpecWorkflowSettings;

/**
 * The part of Obsidian 1.13's declarative settings (`SettingDefinitionItem`) this tab uses,
 * narrowed to what `display()` can also draw: on apps before 1.13 it draws the same definitions, so
 * both paths show and save exactly the same settings.
 */
type SettingControl =
	| { type: 'text'; key: SettingKey; placeholder?: string }
	| { type: 'folder'; key: SettingKey; placeholder?: string }
	| { type: 'textarea'; key: SettingKey; placeholder?: string; rows?: number }
	| { type: 'dropdown'; key: SettingKey; options: Record<string, string> }
	| { type: 'toggle'; key: SettingKey };

export interface SettingDefinition {
	name: string;
	desc?: string;
	control: SettingControl;
}

export interface SettingDefinitionGroup {
	type: 'group';
	heading?: string;
	items: SettingDefinition[];
}

const LINK_STYLES: Record<SpecWorkflowSettings['linkStyle'], string> = {
	vault: "Follow the vault's setting",
	wikilink: 'Wikilinks',
	markdown: 'Markdown links',
};

/** `specs/`, ` /work/specs ` → `work/specs`; empty means the default folder. */
export function specsFolderValue(raw: string): string {
	const folder = normalizePath(raw.trim()).replace(/^\/+|\/+$/g, '');
	return folder === '' ? DEFAULT_SETTINGS.specsRoot : folder;
}

/** `scripts, docs,,config, docs` → `['scripts', 'docs', 'config']`. */
export function deliverableTypesValue(raw: string): string[] {
	const out: string[] = [];
	for (const part of raw.split(',')) {
		const type = part.trim();
		if (type !== '' && !out.includes(type)) out.push(type);
	}
	return out;
}

/** `*backup*, archive` or one glob a line → the globs, without blanks or repeats; empty ignores nothing. */
export function ignoredFoldersValue(raw: string): string[] {
	return [...new Set(parseGlobList(raw))];
}

/**
 * The settings as data.json holds them, read tolerantly: a hand-edited or older file with
 * `specs/` or a wrong type gets the value the tab would have saved, or the default.
 */
export function settingsFromData(data: unknown): SpecWorkflowSettings {
	const raw = (data !== null && typeof data === 'object' ? data : {}) as Record<string, unknown>;
	const text = (key: 'specsRoot' | 'defaultParticipants' | 'specsBaseFile'): string =>
		typeof raw[key] === 'string' && raw[key].trim() !== '' ? raw[key].trim() : DEFAULT_SETTINGS[key];
	const types = raw.deliverableTypes;
	const ignored = raw.ignoredFolders;
	return {
		specsRoot: specsFolderValue(text('specsRoot')),
		defaultParticipants: text('defaultParticipants'),
		linkStyle: typeof raw.linkStyle === 'string' && raw.linkStyle in LINK_STYLES ? (raw.linkStyle as SpecWorkflowSettings['linkStyle']) : DEFAULT_SETTINGS.linkStyle,
		openContextAfterStart: typeof raw.openContextAfterStart === 'boolean' ? raw.openContextAfterStart : DEFAULT_SETTINGS.openContextAfterStart,
		revealPanelAfterStartOnPhone: typeof raw.revealPanelAfterStartOnPhone === 'boolean' ? raw.revealPanelAfterStartOnPhone : DEFAULT_SETTINGS.revealPanelAfterStartOnPhone,
		deliverableTypes: Array.isArray(types) && types.every((t) => typeof t === 'string') ? deliverableTypesValue(types.join(',')) : [...DEFAULT_SETTINGS.deliverableTypes],
		ignoredFolders: Array.isArray(ignored) && ignored.every((g) => typeof g === 'string') ? ignoredFoldersValue(ignored.join('\n')) : [...DEFAULT_SETTINGS.ignoredFolders],
		specsBaseFile: text('specsBaseFile'),
		reviewerName: typeof raw.reviewerName === 'string' ? raw.reviewerName.trim() : DEFAULT_SETTINGS.reviewerName,
	};
}

export class SpecWorkflowSettingTab extends PluginSettingTab {
	plugin: SpecWorkflowPlugin;
	/** The settings that decide which files are specs, as typed, until the debounced change applies them. */
	private pending: { specsRoot?: string; ignoredFolders?: string } = {};

	/** Saves them and rebuilds the index once typing pauses, not on every keystroke. */
	private readonly applyIndexSettings = debounce(
		() => {
			const { specsRoot, ignoredFolders } = this.pending;
			this.pending = {};
			const settings = this.plugin.settings;
			const folder = specsRoot === undefined ? settings.specsRoot : specsFolderValue(specsRoot);
			const globs = ignoredFolders === undefined ? settings.ignoredFolders : ignoredFoldersValue(ignoredFolders);
			if (folder === settings.specsRoot && globs.join('\n') === settings.ignoredFolders.join('\n')) return;
			settings.specsRoot = folder;
			settings.ignoredFolders = globs;
			void this.plugin.saveSettings().then(() => this.plugin.rebuildIndex());
		},
		SPECS_FOLDER_DELAY_MS,
		true,
	);

	constructor(app: App, plugin: SpecWorkflowPlugin) {
		super(app, plugin);
		this.plugin = plugin;
	}

	getSettingDefinitions(): SettingDefinitionGroup[] {
		return [
			{
				type: 'group',
				items: [
					{
						name: 'Specs folder',
						desc: 'The folder holding your specs, relative to the vault root. The specs are read again when it changes.',
						control: { type: 'folder', key: 'specsRoot', placeholder: DEFAULT_SETTINGS.specsRoot },
					},
					{
						name: 'Ignored folders',
						desc: 'Folders inside the specs folder whose specs are left out, such as backups and archives that would repeat every id. One name per line or separated by commas; * stands for any characters, and a pattern with a slash matches the path from the specs folder. Leave it empty to read every folder.',
						control: { type: 'textarea', key: 'ignoredFolders', placeholder: DEFAULT_SETTINGS.ignoredFolders.join('\n'), rows: 5 },
					},
					{
						name: 'Link style',
						desc: 'How links written into specs and context notes look.',
						control: { type: 'dropdown', key: 'linkStyle', options: LINK_STYLES },
					},
				],
			},
			{
				type: 'group',
				heading: 'Sessions',
				items: [
					{
						name: 'Default participants',
						desc: 'Who takes part in a new session unless you change it when starting one.',
						control: { type: 'text', key: 'defaultParticipants', placeholder: DEFAULT_SETTINGS.defaultParticipants },
					},
					{
						name: 'Reviewer name',
						desc: 'Written as reviewed_by when you mark a spec reviewed; leave empty to write none.',
						control: { type: 'text', key: 'reviewerName', placeholder: 'Your name' },
					},
					{
						name: 'Open the context note after starting',
						desc: "After a session starts, open the spec's context note, where the session is recorded.",
						control: { type: 'toggle', key: 'openContextAfterStart' },
					},
					{
						name: 'Reveal panel after start on phones',
						desc: 'On a phone the status panel opens as a drawer over the note. Turn this on to show it after a session starts anyway.',
						control: { type: 'toggle', key: 'revealPanelAfterStartOnPhone' },
					},
				],
			},
			{
				type: 'group',
				heading: 'Deliverables',
				items: [
					{
						name: 'Deliverable types',
						desc: 'The folders offered when adding a deliverable, separated by commas. Other names can still be typed.',
						control: { type: 'text', key: 'deliverableTypes', placeholder: DEFAULT_SETTINGS.deliverableTypes.join(', ') },
					},
				],
			},
			{
				type: 'group',
				heading: 'Bases',
				items: [
					{
						name: 'Specs base file',
						desc: 'The base "Write specs base" writes in the specs folder: tables of every spec, by status, and of those that need review.',
						control: { type: 'text', key: 'specsBaseFile', placeholder: DEFAULT_SETTINGS.specsBaseFile },
					},
				],
			},
		];
	}

	getControlValue(key: string): unknown {
		const settings = this.plugin.settings;
		if (key === 'specsRoot') return this.pending.specsRoot ?? settings.specsRoot;
		if (key === 'ignoredFolders') return this.pending.ignoredFolders ?? settings.ignoredFolders.join('\n');
		if (key === 'deliverableTypes') return settings.deliverableTypes.join(', ');
		return settings[key as SettingKey];
	}

	async setControlValue(key: string, value: unknown): Promise<void> {
		const settings = this.plugin.settings;
		switch (key) {
			case 'specsRoot':
			case 'ignoredFolders':
				this.pending[key] = String(value);
				this.applyIndexSettings();
				return;
			case 'linkStyle':
				if (!(String(value) in LINK_STYLES)) return;
				settings.linkStyle = String(value) as SpecWorkflowSettings['linkStyle'];
				break;
			case 'defaultParticipants':
				settings.defaultParticipants = String(value).trim() || DEFAULT_SETTINGS.defaultParticipants;
				break;
			case 'openContextAfterStart':
				settings.openContextAfterStart = value === true;
				break;
			case 'revealPanelAfterStartOnPhone':
				settings.revealPanelAfterStartOnPhone = value === true;
				break;
			case 'deliverableTypes':
				settings.deliverableTypes = deliverableTypesValue(String(value));
				break;
			case 'reviewerName':
				settings.reviewerName = String(value).trim();
				break;
			case 'specsBaseFile':
				settings.specsBaseFile = String(value).trim() || DEFAULT_SETTINGS.specsBaseFile;
				break;
			default:
				return;
		}
		await this.plugin.saveSettings();
	}

	/**
	 * Obsidian before 1.13 (1.13 draws the definitions itself and never calls this): the same
	 * definitions, in Obsidian's setting groups from 1.11, under heading rows before that.
	 */
	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const group of this.getSettingDefinitions()) {
			if (requireApiVersion('1.11.0')) {
				const settingGroup = new SettingGroup(containerEl);
				if (group.heading) settingGroup.setHeading(group.heading);
				for (const item of group.items) settingGroup.addSetting((setting) => this.drawSetting(setting, item));
			} else {
				if (group.heading) new Setting(containerEl).setName(group.heading).setHeading();
				for (const item of group.items) this.drawSetting(new Setting(containerEl), item);
			}
		}
	}

	hide(): void {
		// Leaving the tab applies a folder change still waiting for typing to pause.
		this.applyIndexSettings.run();
		super.hide();
	}

	private drawSetting(setting: Setting, item: SettingDefinition): void {
		setting.setName(item.name);
		if (item.desc) setting.setDesc(item.desc);
		const control = item.control;
		const value = this.getControlValue(control.key);
		const save = (v: unknown) => this.setControlValue(control.key, v);
		if (control.type === 'folder') {
			setting.addText((text) => {
				text
					.setPlaceholder(control.placeholder ?? '')
					.setValue(String(value))
					.onChange(save);
				// Offers the vault's folders as Obsidian 1.13's folder control does.
				new FolderSuggest(this.app, text.inputEl, save);
			});
		} else if (control.type === 'text') {
			setting.addText((text) =>
				text
					.setPlaceholder(control.placeholder ?? '')
					.setValue(String(value))
					.onChange(save),
			);
		} else if (control.type === 'textarea') {
			setting.addTextArea((text) => {
				text
					.setPlaceholder(control.placeholder ?? '')
					.setValue(String(value))
					.onChange(save);
				if (control.rows) text.inputEl.rows = control.rows;
			});
		} else if (control.type === 'dropdown') {
			setting.addDropdown((dropdown) => dropdown.addOptions(control.options).setValue(String(value)).onChange(save));
		} else {
			setting.addToggle((toggle) => toggle.setValue(value === true).onChange(save));
		}
	}
}
