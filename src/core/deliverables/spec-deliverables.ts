import type { ContextFile } from '../context/context-file';
import { deliverableTypeFolder, deliverableTypeKey, parseDeliverables, type Deliverable } from '../context/registry';
import { isBinaryPath } from './file-kind';
import { deliverableComments, TRACEBACK_FIELDS, type CommentField } from './leading-comments';
import { basename, dirname, extension, isUnder, normalizeVaultPath } from '../files/paths';
import { parseLinks, parseLinkText } from '../links/link-parser';
import { readFrontmatter } from '../metadata/frontmatter';
import { readSpecMetadata } from '../metadata/spec-metadata';
import { Spec } from '../index/spec';
import { findSection, parseSections } from '../markdown/sections';
import { Workspace } from '../workspace/workspace';

/** A deliverable of a spec as the registries and the deliverables folder give it, before reading the file. */
export interface SpecDeliverable {
	/** Vault path: where the link resolves, or where it points when the file is gone. */
	path: string;
	/** The type folder under `deliverables/` (`scripts`, `docs`, `config`, or a custom one), else the registry group's type. */
	type: string;
	/** `deliverables/scripts/` as it sits under the spec's folder; null for a file outside a type folder. */
	folder: string | null;
	/** The registry link's alias (context first, then the spec's list). */
	title: string | null;
	/** Registry text after the link (context first, then the spec's list). */
	purpose: string | null;
	inContextRegistry: boolean;
	inSpecList: boolean;
	/** Whether the file is there. */
	exists: boolean;
}

/** A `Code Changes` registry entry: a path in the code repository, outside the vault. */
export interface CodeChange {
	path: string;
	purpose: string | null;
}

/** Scripts, docs, config first (the order docs/formats.md gives), then custom types alphabetically. */
export const TYPE_ORDER = ['scripts', 'docs', 'config'];

export function compareTypes(a: string, b: string): number {
	const ia = TYPE_ORDER.indexOf(a);
	const ib = TYPE_ORDER.indexOf(b);
	if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A deliverable not yet seen in either registry (they fill in title, purpose and where it is listed). */
function unlisted(path: string, registryType: string | null, exists: boolean): SpecDeliverable {
	return { path, type: typeOf(path, registryType), folder: folderOf(path), title: null, purpose: null, inContextRegistry: false, inSpecList: false, exists };
}

/**
 * Every deliverable of a spec: the context's `## Deliverables` registry, the spec's own
 * `## Deliverables` list, and the files the index gives the spec (its `deliverables/` folder),
 * one entry per file, grouped by type in that order and otherwise in registry order.
 * A file no registry of the spec lists goes by its traceback: one in the spec's folder that
 * names the spec is the spec's, one that names another spec is not (see tracedSpec).
 */
export async function collectDeliverables(
	ws: Workspace,
	spec: Spec,
	context: { path: string; file: ContextFile | null },
): Promise<{ deliverables: SpecDeliverable[]; codeChanges: CodeChange[] }> {
	const byPath = new Map<string, SpecDeliverable>();
	const codeChanges: CodeChange[] = [];
	/** Notes one registry's entry for the file (`listed`: its group, alias and purpose there, when it has them). */
	const record = async (path: string, found: boolean, registry: 'context' | 'spec', listed?: Pick<Deliverable, 'type' | 'alias' | 'purpose'>): Promise<void> => {
		const { type: registryType = null, alias = null, purpose = null } = listed ?? {};
		let d = byPath.get(path);
		if (!d) {
			d = unlisted(path, registryType, found || (await ws.store.exists(path)));
			byPath.set(path, d);
		}
		d.title = d.title ?? (alias?.trim() || null);
		d.purpose = d.purpose ?? purpose;
		if (registry === 'context') d.inContextRegistry = true;
		else d.inSpecList = true;
	};
	const add = async (entry: Deliverable, source: string, registry: 'context' | 'spec'): Promise<void> => {
		if (entry.kind === 'code' && entry.target) {
			if (registry === 'context') codeChanges.push({ path: entry.target, purpose: entry.purpose });
			return;
		}
		if ((entry.kind !== 'wikilink' && entry.kind !== 'markdown') || !entry.target) return;
		const meant = guessPath(entry.target, source);
		const resolved = ownFile(ws, ws.links.resolve(entry.target, source), meant);
		const path = resolved ?? meant;
		if (path !== null) await record(path, resolved !== null, registry, entry);
	};
	// A `deliverables` property item counts as a registry line without alias or purpose.
	const addItem = async (item: string, source: string, registry: 'context' | 'spec'): Promise<void> => {
		const meant = itemPath(ws, item, source);
		const resolved = ownFile(ws, ws.index.resolveFileRef(item, source), meant);
		const path = resolved ?? meant;
		if (path !== null) await record(path, resolved !== null, registry);
	};
	for (const entry of context.file?.deliverables.entries ?? []) await add(entry, context.path, 'context');
	for (const item of context.file ? readSpecMetadata(context.file.text, context.path).deliverables : []) await addItem(item, context.path, 'context');
	for (const entry of await specListEntries(ws, spec)) await add(entry, spec.path, 'spec');
	for (const item of spec.deliverableProperty) await addItem(item, spec.path, 'spec');
	for (const path of ws.index.deliverablesOf(spec)) {
		if (byPath.has(path)) continue;
		const traced = await tracedSpecOfFile(ws, path);
		if (traced === null || traced === spec) byPath.set(path, unlisted(path, null, true));
	}
	for (const path of await tracedHere(ws, spec, byPath)) byPath.set(path, unlisted(path, null, true));
	const deliverables = [...byPath.values()];
	// A stable sort keeps registry order within each type.
	deliverables.sort((a, b) => compareTypes(a.type, b.type));
	return { deliverables, codeChanges };
}

/**
 * Files in the `deliverables/` folder beside a spec that shares its folder (a task's
 * `1011.spec.md` beside its feature's `spec.md`) whose traceback names the spec, though the index
 * gives them to the folder's owner. Files another spec lists are that spec's listing and are not
 * read: in the layout new specs get, every task's files sit there, listed by their tasks.
 */
async function tracedHere(ws: Workspace, spec: Spec, known: ReadonlyMap<string, unknown>): Promise<string[]> {
	const name = basename(spec.path);
	if (name === 'spec.md' || name === 'epic.md') return [];
	const folder = dirname(spec.path);
	const out: string[] = [];
	const listed = new Map<Spec, Set<string>>();
	for (const entry of await ws.store.list(folder === '' ? 'deliverables' : `${folder}/deliverables`)) {
		const path = entry.path;
		if (known.has(path) || ws.index.roleOf(path) !== 'deliverable') continue;
		const owner = ws.index.specForPath(path);
		if (owner === spec) continue;
		if (owner) {
			let registered = listed.get(owner);
			if (!registered) listed.set(owner, (registered = new Set(ws.index.registeredDeliverables(owner))));
			if (registered.has(path)) continue;
		}
		if ((await tracedSpecOfFile(ws, path)) === spec) out.push(path);
	}
	return out.sort();
}

/**
 * The spec a file belongs to, as the report and validate decide it: the index's answer for a
 * spec, context or report; for a deliverable, the spec registering it, else the spec its
 * traceback names (a task's file in its feature's shared `deliverables/` folder), else the
 * spec whose folder holds it. The index has no deliverable's text, so only this reads the file.
 */
export async function ownerOfFile(ws: Workspace, path: string): Promise<Spec | null> {
	const owner = ws.index.specForPath(path);
	if (ws.index.byPath(path) || ws.index.roleOf(path) !== 'deliverable') return owner;
	if (owner && ws.index.registeredDeliverables(owner).includes(path)) return owner;
	return (await tracedSpecOfFile(ws, path)) ?? owner;
}

/** The spec a deliverable file's traceback names, read from the file; null when it names none. */
async function tracedSpecOfFile(ws: Workspace, path: string): Promise<Spec | null> {
	if (isBinaryPath(path)) return null;
	let text: string;
	try {
		text = await ws.store.read(path);
	} catch {
		return null;
	}
	const properties = extension(path) === 'md' ? readFrontmatter(text, path).data : {};
	return tracedSpec(ws, path, deliverableComments(path, text), properties);
}

/**
 * The spec a deliverable's traceback names: its `Generated from:` / `Spec:` comment line (a link,
 * or a vault path), or a markdown deliverable's `spec` property (a link or an id). A traceback to
 * a spec's context names the spec. null when there is none or it names no spec. The index does
 * not read deliverables' text, so its owner (registry, then folder) is decided without this.
 */
export function tracedSpec(ws: Workspace, path: string, comments: readonly CommentField[], properties: Record<string, unknown>): Spec | null {
	for (const field of comments) {
		if (!TRACEBACK_FIELDS.has(field.name)) continue;
		const spec = specOfRef(ws, field.value, path, false);
		if (spec) return spec;
	}
	for (const [key, value] of Object.entries(properties)) {
		if (typeof value !== 'string' || !TRACEBACK_FIELDS.has(key.toLowerCase().replace(/[_-]+/g, ' '))) continue;
		const spec = specOfRef(ws, value, path, true);
		if (spec) return spec;
	}
	return null;
}

// A plain path in a traceback line (`# Generated from: specs/1000/1001/1014.spec.md`, as deliverables are written).
const PLAIN_PATH = /^[^\s[\]()<>|]+\.[A-Za-z0-9]+$/;

/** A traceback value that is a plain vault path with a folder part, else null. */
export function plainTracebackPath(value: string): string | null {
	const path = value.trim();
	return PLAIN_PATH.test(path) && path.includes('/') ? path : null;
}

function specOfRef(ws: Workspace, value: string, source: string, idAllowed: boolean): Spec | null {
	const links = parseLinks(value, { includeFrontmatter: true });
	const plain = value.trim().replace(/^["']|["']$/g, '');
	const path = plainTracebackPath(plain);
	const targets = links.length > 0 ? links.map((l) => l.target) : path !== null ? [path] : [];
	for (const target of targets) {
		const spec = target === '' ? null : specOfTracedFile(ws, ws.links.resolve(target, source));
		if (spec) return spec;
	}
	return idAllowed && targets.length === 0 ? specOfTracedId(ws, plain) : null;
}

/** The spec of a file a traceback links to: the spec itself, or the spec whose context it is. */
export function specOfTracedFile(ws: Workspace, file: string | null): Spec | null {
	if (file === null) return null;
	return ws.index.byPath(file) ?? (ws.index.roleOf(file) === 'context' ? ws.index.specForPath(file) : null);
}

/** `spec: 1011` in a markdown deliverable's properties: an id, when it names one spec only. */
export function specOfTracedId(ws: Workspace, id: string): Spec | null {
	const byId = ws.index.lookup(id);
	return byId.length === 1 ? byId[0] : null;
}

async function specListEntries(ws: Workspace, spec: Spec): Promise<Deliverable[]> {
	if (!(await ws.store.exists(spec.path))) return [];
	const text = await ws.store.read(spec.path);
	const section = findSection(parseSections(text), ['Deliverables']);
	return section ? parseDeliverables(text, section.headingEnd, section.end).entries : [];
}

/**
 * Whether the file a registry entry resolves to is a backup copy, not the spec's own file (docs/formats.md,
 * Deliverables): once the spec's file is renamed, Obsidian's suffix rule finds the same path in a
 * copy, in a folder left out of discovery (`specs/1000 copy/…`) or in a copy of the specs folder
 * beside it (`specs_backup/1000/1001/…`, the same path below it as the file `meant`).
 */
export function isBackupCopy(ws: Workspace, resolved: string, meant: string | null): boolean {
	if (ws.index.isIgnored(resolved)) return true;
	const root = ws.index.specsRoot;
	if (meant === null || root === '' || isUnder(resolved, root) || !isUnder(meant, root)) return false;
	return resolved.endsWith(meant.slice(root.length));
}

/** Where a registry entry resolves, unless into a backup copy: nothing there is a deliverable, so the entry leads nowhere. */
export function ownFile(ws: Workspace, resolved: string | null, meant: string | null): string | null {
	return resolved !== null && isBackupCopy(ws, resolved, meant) ? null : resolved;
}

/** Where an unresolved relative link points: joined to the source's folder (a leading `/` is the vault root). */
export function guessPath(target: string, source: string): string | null {
	if (target.startsWith('/')) return normalizeVaultPath(target);
	return normalizeVaultPath(`${dirname(source)}/${target}`);
}

/** Where an item that resolves to nothing was meant to be: a vault path when it starts at the specs folder, else beside the note. */
export function itemPath(ws: Workspace, item: string, source: string): string | null {
	const link = parseLinkText(item);
	if (link) return link.target === '' ? null : guessPath(link.target, source);
	const path = plainItem(item);
	if (path === '') return null;
	const root = ws.index.specsRoot;
	if (root !== '' && path.startsWith(`${root}/`)) return normalizeVaultPath(path);
	return besideSource(path, source);
}

function plainItem(item: string): string {
	return item
		.trim()
		.replace(/^["']|["']$/g, '')
		.trim()
		.replace(/^\.\//, '');
}

function besideSource(path: string, source: string): string | null {
	const folder = dirname(source);
	return normalizeVaultPath(folder === '' ? path : `${folder}/${path}`);
}

/** The type folder under `deliverables/`, else the registry group's type, else a guess from the path. */
function typeOf(path: string, registryType: string | null): string {
	const folder = deliverableTypeFolder(path);
	if (folder !== null) return deliverableTypeKey(folder);
	return registryType && registryType !== 'other' ? registryType : guessType(path);
}

const KNOWN_TYPES = new Set(TYPE_ORDER);
const DOC_EXTENSIONS = new Set(['md', 'markdown', 'txt', 'rst', 'adoc', 'pdf', 'html']);

/**
 * A file outside any `deliverables/` folder (`docs/architecture.md` elsewhere in the vault): the
 * nearest folder named for a type (`docs/`, `scripts/`, `config/`), else a document by its
 * extension, else `other`.
 */
function guessType(path: string): string {
	const folders = path.split('/').slice(0, -1).reverse();
	for (const folder of folders) {
		const key = deliverableTypeKey(folder);
		if (KNOWN_TYPES.has(key)) return key;
	}
	return DOC_EXTENSIONS.has(extension(path)) ? 'docs' : 'other';
}

function folderOf(path: string): string | null {
	const folder = deliverableTypeFolder(path);
	return folder === null ? null : `deliverables/${folder}/`;
}
