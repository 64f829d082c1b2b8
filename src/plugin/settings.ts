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
	/** Deliverable folders offered when adding one; custom names are allowed too. */
	deliverableTypes: string[];
	/** Folder globs below the specs folder left out of discovery (backups, archives); empty reads every folder. */
	ignoredFolders: string[];
}

export const DEFAULT_SETTINGS: SpecWorkflowSettings = {
	specsRoot: 'specs',
	defaultParticipants: 'User, Claude',
	linkStyle: 'vault',
	openContextAfterStart: true,
	deliverableTypes: ['scripts', 'docs', 'config'],
	ignoredFolders: [...DEFAULT_IGNORED_FOLDERS],
};
