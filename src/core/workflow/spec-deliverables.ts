import type { ContextFile } from '../context/context-file';
import { deliverableTypeFolder, deliverableTypeKey, parseDeliverables, type Deliverable } from '../context/registry';
import { dirname, extension, normalizeVaultPath } from '../files/paths';
import { parseLinkText } from '../links/link-parser';
import { readSpecMetadata } from '../metadata/spec-metadata';
import { Spec } from '../index/spec';
import { findSection, parseSections } from '../markdown/sections';
import { Workspace } from './workspace';

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

/** Scripts, docs, config first (the seed's order), then custom types alphabetically. */
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
 * one entry per file, grouped by type in the seed's order and otherwise in registry order.
 */
export async function collectDeliverables(
	ws: Workspace,
	spec: Spec,
	context: { path: string; file: ContextFile | null },
): Promise<{ deliverables: SpecDeliverable[]; codeChanges: CodeChange[] }> {
	const byPath = new Map<string, SpecDeliverable>();
	const codeChanges: CodeChange[] = [];
	const record = async (path: string, found: boolean, registryType: string | null, alias: string | null, purpose: string | null, registry: 'context' | 'spec'): Promise<void> => {
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
		const resolved = ws.links.resolve(entry.target, source);
		const path = resolved ?? guessPath(entry.target, source);
		if (path !== null) await record(path, resolved !== null, entry.type, entry.alias, entry.purpose, registry);
	};
	// A `deliverables` property item counts as a registry line without alias or purpose.
	const addItem = async (item: string, source: string, registry: 'context' | 'spec'): Promise<void> => {
		const resolved = ws.index.resolveFileRef(item, source);
		const path = resolved ?? itemPath(ws, item, source);
		if (path !== null) await record(path, resolved !== null, null, null, null, registry);
	};
	for (const entry of context.file?.deliverables.entries ?? []) await add(entry, context.path, 'context');
	for (const item of context.file ? readSpecMetadata(context.file.text, context.path).deliverables : []) await addItem(item, context.path, 'context');
	for (const entry of await specListEntries(ws, spec)) await add(entry, spec.path, 'spec');
	for (const item of spec.deliverableProperty) await addItem(item, spec.path, 'spec');
	for (const path of ws.index.deliverablesOf(spec)) {
		if (!byPath.has(path)) byPath.set(path, unlisted(path, null, true));
	}
	const deliverables = [...byPath.values()];
	// A stable sort keeps registry order within each type.
	deliverables.sort((a, b) => compareTypes(a.type, b.type));
	return { deliverables, codeChanges };
}

async function specListEntries(ws: Workspace, spec: Spec): Promise<Deliverable[]> {
	if (!(await ws.store.exists(spec.path))) return [];
	const text = await ws.store.read(spec.path);
	const section = findSection(parseSections(text), ['Deliverables']);
	return section ? parseDeliverables(text, section.headingEnd, section.end).entries : [];
}

/** Where an unresolved relative link points: joined to the source's folder (a leading `/` is the vault root). */
function guessPath(target: string, source: string): string | null {
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
	return item.trim().replace(/^["']|["']$/g, '').trim().replace(/^\.\//, '');
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
