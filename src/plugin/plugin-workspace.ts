import { App, normalizePath } from 'obsidian';
import { SpecIndex } from '../core/index/spec-index';
import { LinkStyle } from '../core/links/link-format';
import { Workspace } from '../core/workspace/workspace';
import { SpecWorkflowSettings } from './settings';
import { VaultFileStore } from './vault-file-store';

/**
 * The link style to write: the setting, or the vault's own "Use [[Wikilinks]]" choice, read with
 * Obsidian's undocumented `vault.getConfig` (obsidian-private.d.ts); wikilinks, Obsidian's default,
 * when the app has no such reader.
 */
export function effectiveLinkStyle(app: App, setting: SpecWorkflowSettings['linkStyle']): LinkStyle {
	if (setting !== 'vault') return setting;
	const vault = app.vault;
	if (typeof vault.getConfig !== 'function') return 'wikilink';
	return vault.getConfig('useMarkdownLinks') === true ? 'markdown' : 'wikilink';
}

/**
 * The core's Workspace inside Obsidian: files through the Vault API, links resolved by Obsidian's
 * own resolver, so the plugin writes exactly what the CLI writes for the same operation and clock.
 */
export function pluginWorkspace(app: App, store: VaultFileStore, index: SpecIndex, settings: SpecWorkflowSettings, now: () => Date = () => new Date()): Workspace {
	return {
		store,
		index,
		links: {
			has: (path) => app.vault.getFileByPath(normalizePath(path)) !== null,
			resolve: (linkpath, sourcePath) => app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath)?.path ?? null,
		},
		settings: {
			specsRoot: settings.specsRoot,
			linkStyle: effectiveLinkStyle(app, settings.linkStyle),
			defaultParticipants: settings.defaultParticipants,
		},
		now,
	};
}
