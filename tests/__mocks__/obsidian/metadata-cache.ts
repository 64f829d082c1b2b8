import type { CachedMetadata } from 'obsidian';
import { Events, type EventRef } from './events';
import { TAbstractFile, TFile, TFolder } from './files';
import { resolveLinkpath } from './link-resolver';
import { parseNote, type ParsedNote } from './parse-note';
import { parentPath, relativePath } from './paths';
import type { Scheduler } from './scheduler';
import { Vault } from './vault';

/**
 * Per-note metadata, kept current from vault events.
 *
 * Timing, as in Obsidian: a vault write does not update the cache at once. The cache is updated on a
 * later macrotask (or on `app.flush()`), which then fires `changed` (file, data, cache) for each
 * re-parsed note, `resolve` (file) for each note whose links were re-resolved, and `resolved` once.
 * Until then `getFileCache` returns the previous cache (null for a new file). Renames move the cache
 * at once (the content did not change); deletes drop it at once and fire `deleted` later.
 */
export class MetadataCache extends Events {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	private readonly parsed = new Map<string, ParsedNote>();
	private readonly dirty = new Set<TFile>();
	private readonly deleted: [TFile, CachedMetadata | null][] = [];
	private structural = false;
	private scheduled = false;

	constructor(
		private readonly vault: Vault,
		private readonly scheduler: Scheduler,
	) {
		super();
		vault.on('create', (f) => this.onCreate(f));
		vault.on('modify', (f) => this.markDirty(f));
		vault.on('delete', (f) => this.onDelete(f));
		vault.on('rename', (f, old) => this.onRename(f, old));
		for (const f of vault.getMarkdownFiles()) this.dirty.add(f);
		this.structural = true;
		this.update(false);
	}

	on(name: 'changed', callback: (file: TFile, data: string, cache: CachedMetadata) => unknown, ctx?: unknown): EventRef;
	on(name: 'deleted', callback: (file: TFile, prevCache: CachedMetadata | null) => unknown, ctx?: unknown): EventRef;
	on(name: 'resolve', callback: (file: TFile) => unknown, ctx?: unknown): EventRef;
	on(name: 'resolved', callback: () => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		return super.on(name, callback, ctx);
	}

	getFileCache(file: TFile): CachedMetadata | null {
		return this.getCache(file.path);
	}

	getCache(path: string): CachedMetadata | null {
		return this.parsed.get(path)?.cache ?? null;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const paths = this.vault.getFiles().map((f) => f.path);
		const hit = resolveLinkpath(paths, linkpath, sourcePath);
		return hit === null ? null : this.vault.getFileByPath(hit);
	}

	/**
	 * The text to put in a link to `file` from `sourcePath`, following the vault's `newLinkFormat`:
	 * `shortest` (the name alone when it resolves to this file, else the full path), `relative`, or
	 * `absolute`. `.md` is dropped unless `omitMdExtension` is false.
	 */
	fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
		const strip = (p: string): string => (omitMdExtension && file.extension === 'md' ? p.slice(0, -3) : p);
		const format = this.vault.getConfig('newLinkFormat');
		if (format === 'relative') return strip(relativePath(parentPath(sourcePath), file.path));
		if (format === 'absolute') return strip(file.path);
		const name = strip(file.name);
		if (this.getFirstLinkpathDest(name, sourcePath) === file) return name;
		return strip(file.path);
	}

	/** Paths of notes that link to `file` (test helper built on resolvedLinks). */
	getBacklinkPaths(file: TFile): string[] {
		return Object.keys(this.resolvedLinks).filter((src) => (this.resolvedLinks[src][file.path] ?? 0) > 0);
	}

	// ---- vault event handlers ----

	private onCreate(f: TAbstractFile): void {
		this.structural = true;
		if (f instanceof TFile && f.extension === 'md') this.dirty.add(f);
		this.schedule();
	}

	private markDirty(f: TAbstractFile): void {
		if (f instanceof TFile && f.extension === 'md') {
			this.dirty.add(f);
			this.schedule();
		}
	}

	private onDelete(f: TAbstractFile): void {
		if (f instanceof TFile) {
			const prev = this.parsed.get(f.path)?.cache ?? null;
			this.parsed.delete(f.path);
			delete this.resolvedLinks[f.path];
			delete this.unresolvedLinks[f.path];
			this.dirty.delete(f);
			if (f.extension === 'md') this.deleted.push([f, prev]);
		}
		this.structural = true;
		this.schedule();
	}

	private onRename(f: TAbstractFile, oldPath: string): void {
		this.structural = true;
		if (f instanceof TFile) {
			const entry = this.parsed.get(oldPath);
			this.parsed.delete(oldPath);
			const resolved = this.resolvedLinks[oldPath];
			const unresolved = this.unresolvedLinks[oldPath];
			delete this.resolvedLinks[oldPath];
			delete this.unresolvedLinks[oldPath];
			if (f.extension === 'md') {
				if (entry) {
					this.parsed.set(f.path, entry);
					this.resolvedLinks[f.path] = resolved ?? {};
					this.unresolvedLinks[f.path] = unresolved ?? {};
				} else this.dirty.add(f);
			}
		} else if (f instanceof TFolder) {
			// Its files get their own rename events.
		}
		this.schedule();
	}

	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		this.scheduler.defer(() => {
			this.scheduled = false;
			this.update(true);
		});
	}

	/** Re-parses dirty notes and re-resolves links; fires events unless this is the initial load. */
	private update(fire: boolean): void {
		const changed = [...this.dirty].filter((f) => this.vault.getFileByPath(f.path) === f);
		this.dirty.clear();
		for (const f of changed) {
			const data = this.vault.contentOf(f);
			const note = parseNote(data);
			this.parsed.set(f.path, note);
			if (fire) this.trigger('changed', f, data, note.cache);
		}
		for (const [f, prev] of this.deleted.splice(0)) if (fire) this.trigger('deleted', f, prev);
		const toResolve = this.structural ? this.vault.getMarkdownFiles() : changed;
		this.structural = false;
		const paths = this.vault.getFiles().map((f) => f.path);
		for (const f of toResolve) {
			const note = this.parsed.get(f.path);
			if (!note) continue;
			const resolved: Record<string, number> = {};
			const unresolved: Record<string, number> = {};
			const linkpaths = [...note.spans.map((s) => s.linkpath), ...(note.cache.frontmatterLinks ?? []).map((l) => l.link.split('#')[0])];
			for (const lp of linkpaths) {
				// `[[#Heading]]` points into the note itself; Obsidian does not count it.
				if (lp === '') continue;
				const hit = resolveLinkpath(paths, lp, f.path);
				if (hit !== null) resolved[hit] = (resolved[hit] ?? 0) + 1;
				else unresolved[lp] = (unresolved[lp] ?? 0) + 1;
			}
			this.resolvedLinks[f.path] = resolved;
			this.unresolvedLinks[f.path] = unresolved;
			if (fire) this.trigger('resolve', f);
		}
		if (fire) this.trigger('resolved');
	}
}
