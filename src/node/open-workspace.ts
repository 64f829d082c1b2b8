import { existsSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { FileEntry } from '../core/files/file-store';
import { isUnder, normalizeVaultPath } from '../core/files/paths';
import { readSpecFacts, type SpecFacts } from '../core/index/read-spec';
import { DEFAULT_IGNORED_FOLDERS } from '../core/index/ignored-folders';
import { SpecIndex } from '../core/index/spec-index';
import { LinkStyle } from '../core/links/link-format';
import { LinkResolver } from '../core/links/link-resolver';
import type { Backlinks } from '../core/reports/backlinks';
import { WorkflowError } from '../core/workspace/workflow-error';
import { Workspace } from '../core/workspace/workspace';
import { DiskFollower } from './disk-follower';
import { FsFileStore } from './fs-file-store';
import { nodeMigrationLogs } from './migration-log-file';
import { cachedBacklinks, vaultCache } from './index-cache/vault-cache';
import type { IndexCacheOptions } from './index-cache/index-cache';

export interface OpenOptions {
	cwd: string;
	vault?: string;
	specsRoot?: string;
	/** Folder globs left out of discovery for this call, replacing the plugin's setting; `[]` ignores nothing. */
	ignore?: readonly string[];
	/** SPEC_WORK_NOW: an ISO time that fixes the clock. */
	now?: string;
	/** Told one line per repair of a crashed run's write (see FsFileStore.recover), or that one is pending. */
	warn?: (line: string) => void;
	/** The call holds the vault's lock: a crashed run's write is finished first; otherwise it is only reported. */
	locked?: boolean;
	/** Where the index cache is kept (cacheFolder in index-cache/cache-place.ts); absent or null: every spec note is read. */
	cacheFolder?: string | null;
	/** The cache's clock and settling time; tests set them, calls take the defaults. */
	cacheOptions?: IndexCacheOptions;
	/** Kept open between calls (the MCP server): the workspace gets `refresh()`, which follows the disk. */
	follow?: boolean;
}

export interface NodeWorkspace extends Workspace {
	store: FsFileStore;
	vaultPath: string;
	/** Who links to what in the vault as listed at opening (or the last refresh), through the cache's link file when there is a cache. */
	backlinks(): Promise<Backlinks>;
	/**
	 * With `follow`: brings the index and links up to the files on disk now; false when that cannot
	 * be done in place (the settings changed, say) and the vault must be opened afresh.
	 */
	refresh?(): Promise<boolean>;
}

/** The files an opening reads besides the notes: the plugin's settings and Obsidian's link style. */
const SETTINGS_FILES = ['.obsidian/plugins/spec-workflow/data.json', '.obsidian/app.json'];

/** The plugin's saved settings, so the CLI follows what the user chose in Obsidian. */
interface PluginData {
	specsRoot?: string;
	defaultParticipants?: string;
	linkStyle?: 'vault' | LinkStyle;
	ignoredFolders?: string[];
}

/**
 * The vault: `--vault`, else the nearest ancestor of the working directory holding `.obsidian/`
 * or the specs folder.
 */
export function findVault(cwd: string, explicit?: string, specsRoot = 'specs'): string {
	if (explicit) {
		const dir = nodePath.resolve(cwd, explicit);
		if (!isDir(dir)) throw new WorkflowError('no-vault', `No vault folder at ${dir}`);
		return dir;
	}
	for (let dir = nodePath.resolve(cwd); ; dir = nodePath.dirname(dir)) {
		if (isDir(nodePath.join(dir, '.obsidian')) || isDir(nodePath.join(dir, specsRoot))) return dir;
		if (nodePath.dirname(dir) === dir) break;
	}
	throw new WorkflowError('no-vault', `No vault found from ${cwd} upwards (a folder holding .obsidian/ or ${specsRoot}/); pass --vault DIR`);
}

export async function openWorkspace(options: OpenOptions): Promise<NodeWorkspace> {
	const vaultPath = findVault(options.cwd, options.vault, options.specsRoot ?? 'specs');
	const store = new FsFileStore(vaultPath);
	const follower = options.follow ? new DiskFollower(store, vaultPath, SETTINGS_FILES, options.cacheOptions) : null;
	const data = pluginData(nodePath.join(vaultPath, '.obsidian', 'plugins', 'spec-workflow', 'data.json'));
	const specsRoot = specsFolder(vaultPath, options.specsRoot ?? data.specsRoot ?? 'specs');
	const now = clock(options.now);
	// A crashed run's write is a write to finish: only under the lock, before anything reads the vault.
	for (const line of options.locked ? store.recover() : store.pending()) options.warn?.(line);
	let files = follower ? await follower.openingListing() : await store.list('');
	const links = new LinkResolver(files.map((f) => f.path));
	const ignore = options.ignore ?? savedIgnoredFolders(data);
	const index = new SpecIndex({ specsRoot, ignore, resolveLink: (l, s) => links.resolve(l, s) });
	const cache = vaultCache(options.cacheFolder, vaultPath, store, options.cacheOptions);
	await index.build(store, { entries: files.filter((f) => isUnder(f.path, specsRoot)), facts: follower ? stamped(follower, store, cache.facts) : cache.facts });
	cache.save();
	return {
		store,
		vaultPath,
		backlinks: () => cachedBacklinks(options.cacheFolder, vaultPath, store, files, (l, s) => links.resolve(l, s), options.cacheOptions),
		refresh: follower
			? async () => {
					const listed = await follower.follow(links, index);
					if (listed) files = listed;
					return listed !== null;
				}
			: undefined,
		index,
		links,
		settings: {
			specsRoot,
			linkStyle: data.linkStyle && data.linkStyle !== 'vault' ? data.linkStyle : vaultLinkStyle(vaultPath),
			defaultParticipants: data.defaultParticipants ?? 'User, Claude',
		},
		now,
		migrationLogs: nodeMigrationLogs(vaultPath, process.env),
	};
}

/**
 * The specs folder as a vault path, refused when it is not a folder inside the vault: a path
 * that climbs out of it (`../other/specs`) would have the CLI read and write another vault.
 */
function specsFolder(vaultPath: string, given: string): string {
	const specsRoot = given.replace(/^\/+|\/+$/g, '');
	if (normalizeVaultPath(specsRoot) === null) {
		throw new WorkflowError(
			'specs-outside-vault',
			`The specs folder must be inside the vault: ${given} is outside ${vaultPath} (set --specs-root, or the plugin's specs folder, to a folder in it)`,
		);
	}
	const abs = nodePath.join(vaultPath, specsRoot);
	if (isDir(abs)) return specsRoot;
	if (existsSync(abs)) throw new WorkflowError('no-specs-folder', `${abs} is a file, not the specs folder; rename that file and create the folder, or set --specs-root`);
	throw new WorkflowError('no-specs-folder', `No specs folder at ${abs} (set --specs-root or create it)`);
}

/** A spec note's facts as the build gets them, its stat taken first so the follower sees later changes. */
function stamped(follower: DiskFollower, store: FsFileStore, facts: ((entry: FileEntry) => Promise<SpecFacts>) | undefined): (entry: FileEntry) => Promise<SpecFacts> {
	return async (entry) => {
		follower.stamp(entry.path);
		return facts ? facts(entry) : readSpecFacts(entry.path, await store.read(entry.path));
	};
}

/** The plugin's ignored folders; a missing setting means the defaults, as in the plugin. */
function savedIgnoredFolders(data: PluginData): readonly string[] {
	return data.ignoredFolders ?? DEFAULT_IGNORED_FOLDERS;
}

const isText = (v: unknown): boolean => typeof v === 'string';
const isTextList = (v: unknown): boolean => Array.isArray(v) && v.every(isText);
const LINK_STYLES = ['vault', 'wikilink', 'markdown'];

/** Each setting of data.json: whether a value has its type, and what it should be (for the message). */
const SETTING_TYPES: Record<string, [(v: unknown) => boolean, string]> = {
	specsRoot: [isText, 'text (the specs folder)'],
	defaultParticipants: [isText, 'text (the participants of a new session)'],
	linkStyle: [(v) => typeof v === 'string' && LINK_STYLES.includes(v), `one of ${LINK_STYLES.map((s) => `"${s}"`).join(', ')}`],
	ignoredFolders: [isTextList, 'a list of folder globs'],
	openContextAfterStart: [(v) => typeof v === 'boolean', 'true or false'],
	deliverableTypes: [isTextList, 'a list of folder names'],
};

/**
 * The plugin's saved settings, checked before any is used: a value of the wrong type (a
 * hand-edited `"specsRoot": 42`) is refused in one line naming the file and the setting. A
 * missing or null setting means its default, as in the plugin.
 */
function pluginData(path: string): PluginData {
	const data = readJson<unknown>(path);
	if (data === null) return {};
	if (typeof data !== 'object' || Array.isArray(data)) {
		throw new WorkflowError('bad-settings', `${path} holds ${shortJson(data)}, not the plugin's settings object; fix or remove the file`);
	}
	const out: PluginData & Record<string, unknown> = {};
	for (const [key, value] of Object.entries(data)) {
		const type = SETTING_TYPES[key];
		if (type === undefined || value === null) continue;
		if (!type[0](value)) {
			throw new WorkflowError('bad-settings', `${path}: setting "${key}" is ${shortJson(value)}, not ${type[1]}; fix it in the plugin's settings or remove it from the file`);
		}
		out[key] = value;
	}
	return out;
}

/** A value as JSON, cut short so the message stays one readable line. */
function shortJson(value: unknown): string {
	const json = JSON.stringify(value) ?? String(value);
	return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** Obsidian's "Use [[Wikilinks]]" setting, from .obsidian/app.json (wikilinks unless turned off). */
export function vaultLinkStyle(vaultPath: string): LinkStyle {
	const app = readJson<{ useMarkdownLinks?: boolean }>(nodePath.join(vaultPath, '.obsidian', 'app.json'));
	return app?.useMarkdownLinks === true ? 'markdown' : 'wikilink';
}

function clock(fixed: string | undefined): () => Date {
	if (fixed === undefined || fixed === '') return () => new Date();
	const date = new Date(fixed);
	if (Number.isNaN(date.getTime())) throw new WorkflowError('bad-clock', `SPEC_WORK_NOW is not an ISO time: ${fixed}`);
	return () => date;
}

function readJson<T>(path: string): T | null {
	if (!existsSync(path)) return null;
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as T;
	} catch {
		throw new WorkflowError('bad-settings', `${path} is not valid JSON`);
	}
}

function isDir(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}
