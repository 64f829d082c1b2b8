import { FileEntry, FileStore } from '../files/file-store';
import { withoutBom } from '../files/file-text';
import { basename, dirname, isUnder } from '../files/paths';
import { parseLinkText } from '../links/link-parser';
import { SpecType } from '../metadata/spec-type';
import { classifyPath, compareIds, ownsFolder, PathRole } from './discovery';
import { contextRefTarget, layoutContexts, resolveFileRef, VaultFiles } from './file-refs';
import { DEFAULT_IGNORED_FOLDERS, ignoredFolders, IgnoredFolder } from './ignored-folders';
import { IdsWritten, readSpec, specIds } from './read-spec';
import { IndexProblem, Spec } from './spec';

/** Resolves a link's path part from a source note, as Obsidian would (docs/formats.md, Links). */
export type ResolveLink = (linkpath: string, sourcePath: string) => string | null;

export interface SpecIndexOptions {
	specsRoot: string;
	resolveLink: ResolveLink;
	/** Globs of folders left out of discovery (copies, backups); DEFAULT_IGNORED_FOLDERS when absent. */
	ignore?: readonly string[];
}

export interface BuildOptions {
	/** Called every `chunkSize` files so a UI can breathe; the plugin yields to the event loop here. */
	pause?: () => Promise<void>;
	chunkSize?: number;
	/** The files under the specs root, when the caller has just listed them (saves a second walk). */
	entries?: readonly FileEntry[];
}

/** Derived lookups, rebuilt lazily after any change: cheap map work, never file reads. */
interface Derived {
	byId: Map<string, Spec[]>;
	children: Map<string, Spec[]>;
	parents: Map<string, Spec | null>;
	contextOwner: Map<string, Spec>;
	deliverableOwner: Map<string, Spec>;
}

/**
 * Which files under the specs root are specs, contexts and deliverables, and how they hang
 * together. Built once from the FileStore, then kept current one file at a time.
 */
export class SpecIndex {
	readonly specsRoot: string;
	private readonly resolveLink: ResolveLink;
	/** Every file under the specs root, spec or not. */
	private readonly files = new Set<string>();
	private readonly specs = new Map<string, Spec>();
	private readonly fileProblems = new Map<string, IndexProblem[]>();
	/** Names of the context files in each folder: they may name a fuller id for the spec beside them. */
	private readonly contextsByFolder = new Map<string, Set<string>>();
	/** The ids each spec note writes about itself, to choose its id again when the contexts beside it change. */
	private readonly idsWritten = new Map<string, IdsWritten>();
	/** The spec notes of each folder, kept with the specs (the derived folder map is rebuilt lazily; this one never is). */
	private readonly specsByFolder = new Map<string, Set<string>>();
	private derived: Derived | null = null;
	private folderSpecs: Map<string, Spec[]> | null = null;

	private readonly ignored: IgnoredFolder;
	/** The files the index knows, with the vault's link resolution: what file references are checked against. */
	private readonly vaultFiles: VaultFiles = { has: (path) => this.files.has(path), resolveLink: (l, s) => this.resolveLink(l, s) };
	/** Whether each folder is ignored, as asked: every file of a folder asks the same question. */
	private readonly ignoredMemo = new Map<string, boolean>();

	constructor(options: SpecIndexOptions) {
		this.specsRoot = options.specsRoot.replace(/^\/+|\/+$/g, '');
		this.resolveLink = options.resolveLink;
		this.ignored = ignoredFolders(options.ignore ?? DEFAULT_IGNORED_FOLDERS, this.specsRoot);
	}

	/** Reads every markdown file under the specs root once. */
	async build(store: FileStore, options: BuildOptions = {}): Promise<void> {
		const chunk = options.chunkSize ?? 200;
		const entries = options.entries ?? (await store.list(this.specsRoot));
		// Every file first, so a spec read below sees the contexts beside it whatever the listing order.
		for (const entry of entries) this.addFile(entry.path);
		let done = 0;
		for (const entry of entries) {
			const role = this.role(entry.path);
			if (role === 'spec' || role === 'maybe-spec') {
				try {
					this.ingest(entry.path, await store.read(entry.path), role);
				} catch (e) {
					const reason = (e as Error).message;
					const message = reason.startsWith(entry.path) ? reason : `${entry.path}: ${reason}`;
					this.fileProblems.set(entry.path, [{ severity: 'error', code: 'unreadable', path: entry.path, message }]);
				}
			}
			if (options.pause && ++done % chunk === 0) await options.pause();
		}
		this.invalidate();
	}

	/** Whether a change to `path` can matter to the index (cheap; no reading). */
	concerns(path: string): boolean {
		return this.role(path) !== 'other';
	}

	/** Whether the index needs a file's text on change (only spec candidates are read). */
	needsText(path: string): boolean {
		const role = this.role(path);
		return role === 'spec' || role === 'maybe-spec';
	}

	/** A file was created or modified. `text` is required for spec candidates (see needsText). */
	update(path: string, text?: string): void {
		if (!this.concerns(path)) return;
		const known = this.files.has(path);
		this.addFile(path);
		const role = this.role(path);
		if ((role === 'spec' || role === 'maybe-spec') && text !== undefined) {
			const before = this.specs.get(path);
			this.forgetSpec(path);
			this.fileProblems.delete(path);
			// The plugin hands over the text as Obsidian read it; a full build reads it through the store, without the mark.
			this.ingest(path, withoutBom(text), role);
			const after = this.specs.get(path);
			if (before && after && samePlace(before, after)) {
				// Same id, parent, context and deliverables: the record is refreshed in place, so every
				// derived lookup still holds and an edit costs one file, not a rebuild of the vault's views.
				Object.assign(before, after);
				this.specs.set(path, before);
				return;
			}
			this.invalidate();
			return;
		}
		// A known context or deliverable changed: the views depend on paths, not on its text.
		if (!known) {
			if (role === 'context') this.chooseIdsIn(dirname(path), basename(path));
			this.invalidate();
		}
	}

	remove(path: string): void {
		if (!this.files.delete(path) && !this.specs.has(path)) return;
		const contexts = this.contextsByFolder.get(dirname(path));
		this.forgetSpec(path);
		this.fileProblems.delete(path);
		if (contexts?.delete(basename(path))) this.chooseIdsIn(dirname(path), basename(path));
		this.invalidate();
	}

	private forgetSpec(path: string): void {
		this.specs.delete(path);
		this.idsWritten.delete(path);
		this.specsByFolder.get(dirname(path))?.delete(path);
	}

	/** A context beside them came or went: the specs of the folder choose their ids (and titles) again (`F01` ↔ `E13-F01`). */
	private chooseIdsIn(folder: string, contextName: string): void {
		// Only a context named after a longer id can change one (`E13-F01.context.md`); `context.md` never does.
		if (!contextName.slice(0, -'.context.md'.length).includes('-')) return;
		const beside = [...(this.contextsByFolder.get(folder) ?? [])];
		for (const path of this.specsByFolder.get(folder) ?? []) {
			const spec = this.specs.get(path);
			const written = this.idsWritten.get(path);
			if (spec && written) Object.assign(spec, specIds(path, written, beside));
		}
	}

	rename(from: string, to: string, text?: string): void {
		this.remove(from);
		this.update(to, text);
	}

	private invalidate(): void {
		this.derived = null;
		this.folderSpecs = null;
	}

	/** What a file is to the index: spec, context, deliverable… or 'other' (also inside an ignored folder). */
	roleOf(path: string): PathRole {
		return this.role(path);
	}

	/** Whether the file is in a folder left out of discovery (a backup, an archive) under the specs root. */
	isIgnored(path: string): boolean {
		if (!isUnder(path, this.specsRoot)) return false;
		const folder = dirname(path);
		let ignored = this.ignoredMemo.get(folder);
		if (ignored === undefined) {
			ignored = this.ignored(path);
			this.ignoredMemo.set(folder, ignored);
		}
		return ignored;
	}

	private role(path: string): PathRole {
		const role = classifyPath(path, this.specsRoot);
		return role === 'other' || this.isIgnored(path) ? 'other' : role;
	}

	private addFile(path: string): void {
		this.files.add(path);
		if (this.role(path) !== 'context') return;
		const folder = dirname(path);
		const names = this.contextsByFolder.get(folder);
		if (names) names.add(basename(path));
		else this.contextsByFolder.set(folder, new Set([basename(path)]));
	}

	private ingest(path: string, text: string, role: PathRole): void {
		const beside = this.contextsByFolder.get(dirname(path));
		const reading = readSpec(path, text, beside ? [...beside] : []);
		if (role === 'maybe-spec' && !reading.declaresType) {
			if (reading.problems.length > 0) this.fileProblems.set(path, reading.problems);
			return;
		}
		this.specs.set(path, reading.spec);
		this.idsWritten.set(path, reading.idsWritten);
		const folder = dirname(path);
		const inFolder = this.specsByFolder.get(folder);
		if (inFolder) inFolder.add(path);
		else this.specsByFolder.set(folder, new Set([path]));
		if (reading.problems.length > 0) this.fileProblems.set(path, reading.problems);
	}

	// ── queries ────────────────────────────────────────────────────────────

	/** Every spec, ids in natural order. */
	all(): Spec[] {
		return [...this.specs.values()].sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1));
	}

	get size(): number {
		return this.specs.size;
	}

	/** The spec with this id or alias (case-insensitive), or null. With duplicates, the first by path. */
	get(id: string): Spec | null {
		return this.lookup(id)[0] ?? null;
	}

	/** Every spec answering to this id or alias: more than one means the id is ambiguous. */
	lookup(id: string): Spec[] {
		return this.view().byId.get(id.trim().toLowerCase()) ?? [];
	}

	byPath(path: string): Spec | null {
		return this.specs.get(path) ?? null;
	}

	hasFile(path: string): boolean {
		return this.files.has(path);
	}

	/** Every file under the specs root the index knows of (listed at build, then told of by updates). */
	filePaths(): string[] {
		return [...this.files];
	}

	parentOf(spec: Spec): Spec | null {
		return this.view().parents.get(spec.path) ?? null;
	}

	childrenOf(spec: Spec): Spec[] {
		return this.view().children.get(spec.path) ?? [];
	}

	/** Epic → parents chain from the top down to (not including) the spec. */
	ancestorsOf(spec: Spec): Spec[] {
		const chain: Spec[] = [];
		const seen = new Set<string>([spec.path]);
		for (let p = this.parentOf(spec); p && !seen.has(p.path); p = this.parentOf(p)) {
			seen.add(p.path);
			chain.unshift(p);
		}
		return chain;
	}

	/** Declared type, else from depth: no parent → epic, parent is an epic → feature, else task. */
	typeOf(spec: Spec): SpecType {
		if (spec.declaredType) return spec.declaredType;
		const depth = this.ancestorsOf(spec).length;
		return depth === 0 ? 'epic' : depth === 1 ? 'feature' : 'task';
	}

	/**
	 * The spec's context file path: where its `context` property or `**Context**:` line points, read
	 * as a path from the spec's own folder first; else by naming convention. A bare name that is not
	 * beside the spec never falls back to a same-named file elsewhere (another spec's `context.md`,
	 * a backup copy): the journal it names is then the one beside the spec, not yet written.
	 */
	contextPathOf(spec: Spec): string {
		const mayCreate = (path: string): boolean => this.role(path) === 'context' && this.layoutOwnerOf(path, spec) === null;
		return (spec.contextRef ? contextRefTarget(this.vaultFiles, spec.contextRef, spec.path, mayCreate) : null) ?? this.conventionalContextOf(spec);
	}

	/**
	 * Whether `path` is where the layout puts the spec's context: `context.md` beside epic.md/spec.md,
	 * `{id}.context.md` (or an alias's) beside the spec. Such a file is the spec's without asking it.
	 */
	isLayoutContext(spec: Spec, path: string): boolean {
		return layoutContexts(spec).includes(path);
	}

	/**
	 * The other spec a context file belongs to by layout (`specs/1000/1002/context.md` is 1002's),
	 * or null. A spec whose context property points there must not write into it.
	 */
	layoutOwnerOf(path: string, except: Spec): Spec | null {
		for (const spec of this.specsInFolder(dirname(path))) {
			if (spec !== except && this.isLayoutContext(spec, path)) return spec;
		}
		return null;
	}

	/** The conventional context, or one named after the spec's (fuller) id or an alias when that one exists. */
	private conventionalContextOf(spec: Spec): string {
		const candidates = layoutContexts(spec);
		return candidates.find((p) => this.files.has(p)) ?? candidates[0];
	}

	hasContext(spec: Spec): boolean {
		return this.files.has(this.contextPathOf(spec));
	}

	/** The spec that a spec, context, report or deliverable file belongs to. */
	specForPath(path: string): Spec | null {
		const own = this.specs.get(path);
		if (own) return own;
		const role = this.role(path);
		const view = this.view();
		if (role === 'context') return view.contextOwner.get(path) ?? null;
		if (role === 'report') return this.get(basename(path).slice(0, -'.deliverables.md'.length));
		if (role === 'deliverable') return view.deliverableOwner.get(path) ?? this.folderOwnerAbove(path);
		return null;
	}

	/** Deliverable files that belong to the spec (registered in its Deliverables, or unclaimed in its folder). */
	deliverablesOf(spec: Spec): string[] {
		const out: string[] = [];
		for (const [path, owner] of this.view().deliverableOwner) if (owner === spec) out.push(path);
		return out.sort();
	}

	/**
	 * The files the spec registers as its deliverables, resolved: links in its `## Deliverables`
	 * section, then the items of its `deliverables` property (links, or paths from the spec's folder
	 * or the vault root). Items that resolve to nothing are left out.
	 */
	registeredDeliverables(spec: Spec): string[] {
		const out: string[] = [];
		const add = (path: string | null): void => {
			if (path !== null && !out.includes(path)) out.push(path);
		};
		for (const ref of spec.deliverableRefs) add(this.resolveLink(ref, spec.path));
		for (const item of spec.deliverableProperty) add(this.resolveFileRef(item, spec.path));
		return out;
	}

	/** The specs the spec lists in its `children` property (ids or links), those that exist. */
	listedChildren(spec: Spec): Spec[] {
		const out: Spec[] = [];
		for (const ref of spec.childRefs) {
			const child = this.resolveSpecRef(ref, spec.path);
			if (child && child !== spec && !out.includes(child)) out.push(child);
		}
		return out;
	}

	/** Problems found reading one file (malformed YAML…), without the vault-wide checks. */
	problemsOf(path: string): IndexProblem[] {
		return this.fileProblems.get(path) ?? [];
	}

	/** Whether another spec has this spec's id, or has for its id one of this spec's aliases (`id: E01` in a copy). */
	hasDuplicateId(spec: Spec): boolean {
		for (const key of [spec.id, ...spec.aliases]) {
			for (const other of this.lookup(key)) if (other !== spec && (key === spec.id || other.id.toLowerCase() === key.toLowerCase())) return true;
		}
		return false;
	}

	/** Problems found while reading: malformed YAML, duplicate ids, folders with a context but no spec. */
	problems(): IndexProblem[] {
		const out: IndexProblem[] = [];
		for (const list of this.fileProblems.values()) out.push(...list);
		for (const [id, specs] of this.view().byId) {
			// An id shared (as an id, or one's id as the other's alias); two aliases alike (`F01` of E01-F01 and E02-F01) are not.
			if (specs.length < 2 || !specs.some((s) => s.id.toLowerCase() === id)) continue;
			out.push({
				severity: 'error',
				code: 'duplicate-id',
				path: specs[1].path,
				message: `Duplicate id ${specs[0].id}: ${specs.map((s) => s.path).join(' and ')}`,
			});
		}
		for (const path of this.files) {
			if (this.role(path) !== 'context' || this.specForPath(path)) continue;
			out.push({
				severity: 'warning',
				code: 'context-without-spec',
				path,
				message: `${path}: a context file with no spec beside it (expected ${expectedSpecName(path)})`,
			});
		}
		return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	// ── derived lookups ────────────────────────────────────────────────────

	private view(): Derived {
		if (this.derived) return this.derived;
		const byId = new Map<string, Spec[]>();
		const add = (key: string, spec: Spec): void => {
			const k = key.toLowerCase();
			const list = byId.get(k);
			if (!list) byId.set(k, [spec]);
			else if (!list.includes(spec)) list.push(spec);
		};
		const sorted = [...this.specs.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
		for (const spec of sorted) add(spec.id, spec);
		for (const spec of sorted) for (const alias of spec.aliases) add(alias, spec);
		this.derived = { byId, children: new Map(), parents: new Map(), contextOwner: new Map(), deliverableOwner: new Map() };
		const d = this.derived;
		for (const spec of sorted) {
			const parent = this.findParent(spec);
			d.parents.set(spec.path, parent);
			if (parent) {
				const list = d.children.get(parent.path);
				if (list) list.push(spec);
				else d.children.set(parent.path, [spec]);
			}
		}
		// A context belongs to the spec the layout puts it beside first; a reference from another spec claims only what is left.
		for (const spec of sorted) {
			const context = this.conventionalContextOf(spec);
			if (!d.contextOwner.has(context)) d.contextOwner.set(context, spec);
		}
		for (const spec of sorted) {
			const context = this.contextPathOf(spec);
			if (!d.contextOwner.has(context)) d.contextOwner.set(context, spec);
		}
		for (const list of d.children.values()) list.sort((a, b) => compareIds(a.id, b.id));
		// Registered deliverables first; then every other file under a deliverables/ folder goes to the folder's spec.
		for (const spec of sorted) {
			for (const target of this.registeredDeliverables(spec)) {
				if (this.role(target) === 'deliverable' && !d.deliverableOwner.has(target)) d.deliverableOwner.set(target, spec);
			}
		}
		for (const path of this.files) {
			if (this.role(path) !== 'deliverable' || d.deliverableOwner.has(path)) continue;
			const owner = this.folderOwnerAbove(path);
			if (owner) d.deliverableOwner.set(path, owner);
		}
		return d;
	}

	/** Parent: the `parent` property or `**Parent**:` line (id or link), else the nearest enclosing folder's spec. */
	private findParent(spec: Spec): Spec | null {
		if (spec.parentRef) {
			const byRef = this.resolveSpecRef(spec.parentRef, spec.path);
			if (byRef && byRef !== spec) return byRef;
		}
		// spec.md/epic.md own their folder, so their parent is found from the folder above.
		let folder = ownsFolder(spec.path) ? dirname(dirname(spec.path)) : dirname(spec.path);
		while (isUnder(folder, this.specsRoot) && folder !== '') {
			const owner = this.folderOwner(folder);
			if (owner && owner !== spec) return owner;
			if (folder === this.specsRoot) break;
			folder = dirname(folder);
		}
		return null;
	}

	/** A spec referred to by a link (`[[../epic]]`) or by a bare id (`E01-F01`, `1001`). */
	resolveSpecRef(ref: string, sourcePath: string): Spec | null {
		const link = parseLinkText(ref);
		if (link) {
			const target = link.target === '' ? null : this.resolveLink(link.target, sourcePath);
			return target ? (this.specs.get(target) ?? null) : null;
		}
		const byId = this.lookup(ref.replace(/^["']|["']$/g, ''));
		if (byId.length > 0) return byId[0];
		const target = this.resolveLink(ref, sourcePath);
		return target ? (this.specs.get(target) ?? null) : null;
	}

	/** A `deliverables` item resolved to the file it names (see file-refs.ts), or null. */
	resolveFileRef(ref: string, sourcePath: string): string | null {
		return resolveFileRef(this.vaultFiles, ref, sourcePath);
	}

	/** The spec that owns a folder: epic.md/spec.md or one named after the folder, else its only spec. */
	private folderOwner(folder: string): Spec | null {
		let only: Spec | null = null;
		let count = 0;
		for (const candidate of this.specsInFolder(folder)) {
			if (ownsFolder(candidate.path)) return candidate;
			only = candidate;
			count++;
		}
		return count === 1 ? only : null;
	}

	private specsInFolder(folder: string): Spec[] {
		if (!this.folderSpecs) {
			this.folderSpecs = new Map();
			for (const spec of this.specs.values()) {
				const dir = dirname(spec.path);
				const list = this.folderSpecs.get(dir);
				if (list) list.push(spec);
				else this.folderSpecs.set(dir, [spec]);
			}
		}
		return this.folderSpecs.get(folder) ?? [];
	}

	/** For a deliverable `a/b/deliverables/scripts/x.sh`: the spec owning `a/b` or a folder above it. */
	private folderOwnerAbove(path: string): Spec | null {
		const parts = path.split('/');
		const at = parts.lastIndexOf('deliverables');
		let folder = parts.slice(0, at).join('/');
		while (isUnder(folder, this.specsRoot)) {
			const owner = this.folderOwner(folder);
			if (owner) return owner;
			if (folder === this.specsRoot || folder === '') break;
			folder = dirname(folder);
		}
		return null;
	}
}

/** Whether two readings of a spec file sit in the same place among the others (the derived views' inputs). */
function samePlace(a: Spec, b: Spec): boolean {
	return (
		a.id === b.id &&
		a.parentRef === b.parentRef &&
		a.contextRef === b.contextRef &&
		sameList(a.aliases, b.aliases) &&
		sameList(a.deliverableRefs, b.deliverableRefs) &&
		sameList(a.deliverableProperty, b.deliverableProperty) &&
		sameList(a.childRefs, b.childRefs)
	);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

function expectedSpecName(contextPath: string): string {
	const name = basename(contextPath);
	return name.toLowerCase() === 'context.md' ? 'spec.md or epic.md' : `${name.slice(0, -'.context.md'.length)}.spec.md`;
}

