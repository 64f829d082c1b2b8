import { FileEntry, FileStore } from '../files/file-store';
import { withoutBom } from '../files/file-text';
import { basename, dirname } from '../files/paths';
import { parseLinkText } from '../links/link-parser';
import { SpecType } from '../metadata/spec-type';
import { compareIds, PathRole } from './discovery';
import { contextRefTarget, layoutContexts, resolveFileRef, VaultFiles } from './file-refs';
import { FolderIds } from './folder-ids';
import { FolderOwners } from './folder-owners';
import { DEFAULT_IGNORED_FOLDERS } from './ignored-folders';
import { PathRoles } from './path-roles';
import { indexProblems } from './index-problems';
import { Derived, idTwins, samePlace, ViewSources } from './index-views';
import { readSpecFacts, SpecFacts, specFromFacts } from './read-spec';
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
	/** A spec candidate's facts without its text (the CLI's cache); by default read from the store. */
	facts?: (entry: FileEntry) => Promise<SpecFacts>;
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
	/** The contexts beside each spec, which may name a fuller id for it. */
	private readonly folderIds = new FolderIds(this.specs);
	private derived: Derived | null = null;
	private readonly folders: FolderOwners;

	private readonly roles: PathRoles;
	/** The files the index knows, with the vault's link resolution: what file references are checked against. */
	private readonly vaultFiles: VaultFiles = { has: (path) => this.files.has(path), resolveLink: (l, s) => this.resolveLink(l, s) };
	/** What deriving the lookups reads, made once. */
	private readonly viewSources: ViewSources = {
		files: this.files,
		findParent: (spec) => this.findParent(spec),
		conventionalContextOf: (spec) => this.conventionalContextOf(spec),
		contextPathOf: (spec) => this.contextPathOf(spec),
		registeredDeliverables: (spec) => this.registeredDeliverables(spec),
		isDeliverable: (path) => this.role(path) === 'deliverable',
		folderOwnerAbove: (path) => this.folders.ownerAbove(path),
		idProperty: (spec) => this.folderIds.idProperty(spec.path),
	};

	constructor(options: SpecIndexOptions) {
		this.specsRoot = options.specsRoot.replace(/^\/+|\/+$/g, '');
		this.resolveLink = options.resolveLink;
		this.roles = new PathRoles(this.specsRoot, options.ignore ?? DEFAULT_IGNORED_FOLDERS);
		this.folders = new FolderOwners(this.specsRoot, this.specs);
	}

	/** Reads every markdown file under the specs root once. */
	async build(store: FileStore, options: BuildOptions = {}): Promise<void> {
		const chunk = options.chunkSize ?? 200;
		const entries = options.entries ?? (await store.list(this.specsRoot));
		const factsOf = options.facts ?? (async (entry: FileEntry) => readSpecFacts(entry.path, await store.read(entry.path)));
		// Every file first, so a spec read below sees the contexts beside it; those of no concern left out, as by update().
		const roles = entries.map((entry) => (this.concerns(entry.path) ? this.addFile(entry.path) : 'other'));
		let done = 0;
		for (const [i, entry] of entries.entries()) {
			const role = roles[i];
			if (role === 'spec' || role === 'maybe-spec') {
				try {
					this.ingest(entry.path, await factsOf(entry), role);
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
			const idPropertyBefore = this.folderIds.idProperty(path);
			this.forgetSpec(path);
			this.fileProblems.delete(path);
			// The plugin hands over the text as Obsidian read it; a full build reads it through the store, without the mark.
			this.ingest(path, readSpecFacts(path, withoutBom(text)), role);
			const after = this.specs.get(path);
			// An id property decides whether an alias that is another spec's id still finds this one (index-views.ts).
			if (before && after && samePlace(before, after) && this.folderIds.idProperty(path) === idPropertyBefore) {
				// Same id, parent, context and deliverables: refreshed in place, every derived lookup still holds.
				Object.assign(before, after);
				this.specs.set(path, before);
				return;
			}
			this.invalidate();
			return;
		}
		// A known context or deliverable changed: the views depend on paths, not on its text.
		if (!known) {
			if (role === 'context') this.folderIds.chooseIdsIn(dirname(path), basename(path));
			this.invalidate();
		}
	}

	remove(path: string): void {
		if (!this.files.delete(path) && !this.specs.has(path)) return;
		this.forgetSpec(path);
		this.fileProblems.delete(path);
		if (this.folderIds.removeContext(path)) this.folderIds.chooseIdsIn(dirname(path), basename(path));
		this.invalidate();
	}

	private forgetSpec(path: string): void {
		this.specs.delete(path);
		this.folderIds.forgetSpec(path);
	}

	rename(from: string, to: string, text?: string): void {
		this.remove(from);
		this.update(to, text);
	}

	/** A file was added or removed anywhere in the vault: a spec's links may lead elsewhere now, so lookups are made again. */
	linksChanged(): void {
		this.invalidate();
	}

	private invalidate(): void {
		this.derived = null;
		this.folders.forget();
	}

	/** What a file is to the index: spec, context, deliverable… or 'other' (also inside an ignored folder). */
	roleOf(path: string): PathRole {
		return this.role(path);
	}

	/** Whether the file is in a folder left out of discovery (a backup, an archive) under the specs root. */
	isIgnored(path: string): boolean {
		return this.roles.isIgnored(path);
	}

	private role(path: string): PathRole {
		return this.roles.roleOf(path);
	}

	private addFile(path: string): PathRole {
		this.files.add(path);
		const role = this.role(path);
		if (role === 'context') this.folderIds.addContext(path);
		return role;
	}

	private ingest(path: string, facts: SpecFacts, role: PathRole): void {
		const reading = specFromFacts(path, facts, this.folderIds.contextsBeside(path));
		if (role === 'maybe-spec' && !reading.declaresType) {
			if (reading.problems.length > 0) this.fileProblems.set(path, reading.problems);
			return;
		}
		this.specs.set(path, reading.spec);
		this.folderIds.addSpec(path, reading.idsWritten);
		if (reading.problems.length > 0) this.fileProblems.set(path, reading.problems);
	}

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

	/** Every file under the specs root the index is concerned with (listed at build, then told of by updates). */
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
		for (const spec of this.folders.specsIn(dirname(path))) {
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
		if (role === 'deliverable') return view.deliverableOwner.get(path) ?? this.folders.ownerAbove(path);
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

	/** Whether another spec answers to this spec's id, or has for its id an alias that still finds this one (`id: E01` in a copy). */
	hasDuplicateId(spec: Spec): boolean {
		return this.idTwins(spec).length > 0;
	}

	/** The specs that make the spec's id a duplicate (see hasDuplicateId). */
	idTwins(spec: Spec): Spec[] {
		return idTwins(spec, this.view().byId);
	}

	/** Problems found while reading: malformed YAML, duplicate ids, aliases taken, folders with a context but no spec. */
	problems(): IndexProblem[] {
		const view = this.view();
		return indexProblems(this.fileProblems.values(), view.byId, view.takenAliases, this.files, (path) => this.role(path) === 'context' && !this.specForPath(path));
	}

	// ── derived lookups ────────────────────────────────────────────────────

	private view(): Derived {
		return (this.derived ??= new Derived(this.specs, this.viewSources));
	}

	/** Parent: the `parent` property or `**Parent**:` line (id or link), else the nearest enclosing folder's spec. */
	private findParent(spec: Spec): Spec | null {
		if (spec.parentRef) {
			const byRef = this.resolveSpecRef(spec.parentRef, spec.path);
			if (byRef && byRef !== spec) return byRef;
		}
		return this.folders.enclosingOwner(spec);
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
}
