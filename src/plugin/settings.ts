import { DEFAULT_BASE_FILE } from '../core/bases/specs-base';
import { DEFAULT_IGNORED_FOLDERS } from '../core/index/ignored-folders';
import { LinkStyle } from '../core/links/link-format';

export interface SpecWorkflowSettings {
	/** Folder holding the specs, vault-relative. */
	specsRoot: string;
	/** Who takes part in a new session unless the user says otherwise. */
	defaultParticipants: string;
	/** 'vault' follows Obsidian's "Use [[Wikilinks]]" setting. */
	linkStyle: 'vault' | LinkStyle;
	openContextAfterStart: boolean;
	/** On a phone the panel is a drawer over the note: shown after Start only when asked. */
	revealPanelAfterStartOnPhone: boolean;
	/** Deliverable folders offered when adding one; custom names are allowed too. */
	deliverableTypes: string[];
	/** Folder globs below the specs folder left out of discovery (backups, archives); empty reads every folder. */
	ignoredFolders: string[];
	/** The specs base's file name in the specs folder ("Write specs base"). */
	specsBaseFile: string;
	/** Written as `reviewed_by` when marking a spec reviewed; empty writes none. */
	reviewerName: string;
}

export const DEFAULT_SETTINGS: SpecWorkflowSettings = {
	specsRoot: 'specs',
	defaultParticipants: 'User, Claude',
	linkStyle: 'vault',
	openContextAfterStart: true,
	revealPanelAfterStartOnPhone: false,
	deliverableTypes: ['scripts', 'docs', 'config'],
	ignoredFolders: [...DEFAULT_IGNORED_FOLDERS],
	specsBaseFile: DEFAULT_BASE_FILE,
	reviewerName: '',
};

const isText = (v: unknown): boolean => typeof v === 'string';
const isTextList = (v: unknown): boolean => Array.isArray(v) && v.every(isText);
const LINK_STYLE_VALUES: readonly SpecWorkflowSettings['linkStyle'][] = ['vault', 'wikilink', 'markdown'];

/** What each setting must be in data.json, and how to say it is not. */
const SETTING_TYPES: Record<keyof SpecWorkflowSettings, [(v: unknown) => boolean, string]> = {
	specsRoot: [isText, 'is not a folder name'],
	defaultParticipants: [isText, 'is not text'],
	linkStyle: [(v) => typeof v === 'string' && (LINK_STYLE_VALUES as readonly string[]).includes(v), `is not one of ${LINK_STYLE_VALUES.join(', ')}`],
	openContextAfterStart: [(v) => typeof v === 'boolean', 'is not true or false'],
	revealPanelAfterStartOnPhone: [(v) => typeof v === 'boolean', 'is not true or false'],
	deliverableTypes: [isTextList, 'is not a list of folder names'],
	ignoredFolders: [isTextList, 'is not a list of folder globs'],
	specsBaseFile: [isText, 'is not a file name'],
	reviewerName: [isText, 'is not text'],
};

/**
 * The notice for settings in data.json whose value has the wrong type (a hand-edited
 * `"specsRoot": 42`): each falls back to its default, and the user is told which; null when all
 * are right. A missing or null setting is simply the default.
 */
export function mistypedSettingsNotice(data: unknown, path: string): string | null {
	if (data === null || data === undefined) return null;
	if (typeof data !== 'object' || Array.isArray(data)) return `Spec Workflow: ${path} holds no settings; using the defaults`;
	const wrong: string[] = [];
	for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
		const type = SETTING_TYPES[key as keyof SpecWorkflowSettings] as [(v: unknown) => boolean, string] | undefined;
		if (type !== undefined && value !== null && !type[0](value)) wrong.push(`"${key}" ${type[1]}`);
	}
	return wrong.length === 0 ? null : `Spec Workflow: ${path}: ${wrong.join(', ')}; using the default for each`;
}
