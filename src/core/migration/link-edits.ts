import { isBinaryPath } from '../deliverables/file-kind';
import { extension, isUnder } from '../files/paths';
import { parseLinkText } from '../links/link-parser';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readHeaderFields } from '../metadata/header-lines';
import { findTopLevelEntries } from '../metadata/yaml-entries';
import { rewriteCanvasFiles } from './canvas-edits';
import { rewriteFileLinks, type LinkRewriteContext, type PlainReplacement } from './link-rewrite';
import type { MigrationProblem, VaultTexts } from './migration-types';
import type { NoteEdits } from './note-edits';
import type { FoundSpec } from './old-layout-detection';
import type { Parent } from './spec-parents';

export interface LinkEditSources {
	specsRoot: string;
	files: VaultTexts;
	specs: readonly FoundSpec[];
	parents: ReadonlyMap<FoundSpec, Parent>;
	ctx: LinkRewriteContext;
	notes: NoteEdits;
	/** Where a canvas that cannot be read is reported. */
	problems: MigrationProblem[];
}

/**
 * Every link that points where a file used to be is rewritten to where it goes: in every note of
 * the vault, in the file cards of every canvas, and in the text files under the specs root
 * (traceback lines of scripts and configs).
 */
export function planLinkRewrites(sources: LinkEditSources): void {
	const { specsRoot, files, parents, ctx, notes } = sources;
	const byPath = new Map(sources.specs.map((s) => [s.path, s] as const));
	for (const [path, text] of files) {
		if (text === null || text === undefined) continue;
		if (extension(path) === 'canvas') {
			planCanvasRewrite(path, text, sources);
			continue;
		}
		const markdown = extension(path) === 'md';
		if (!markdown && (!isUnder(path, specsRoot) || isBinaryPath(path))) continue;
		const spec = byPath.get(path);
		const extra = spec ? parentIdReplacements(spec, text, parents.get(spec)?.spec ?? null) : [];
		const newPath = notes.newPathOf(path);
		const r = rewriteFileLinks(ctx, text, path, newPath, extra);
		if (r.changes.length > 0) notes.add({ path, newPath, before: text, after: r.text, links: r.changes, merged: [] });
	}
}

/** A canvas's file cards pointed at the moved files; one that is not JSON is left as it is, said when it names one. */
function planCanvasRewrite(path: string, text: string, { ctx, notes, problems }: LinkEditSources): void {
	const r = rewriteCanvasFiles(text, ctx.moves);
	const newPath = notes.newPathOf(path);
	if (r === null) {
		if ([...ctx.moves.keys()].some((from) => text.includes(from))) {
			problems.push({
				severity: 'warning',
				code: 'unreadable',
				path,
				message: `${path}: not valid JSON, so its cards still show the old paths of the files that move; fix them in Obsidian`,
			});
		}
	} else if (r.changes.length > 0) notes.add({ path, newPath, before: text, after: r.text, links: r.changes, merged: [] });
}

/**
 * A parent written as a bare id the new layout no longer knows (`parent: 1001-feature-storage`,
 * the old file stem) is rewritten to the parent's id, in the property and in the **Parent** line.
 */
function parentIdReplacements(spec: FoundSpec, text: string, parent: FoundSpec | null): PlainReplacement[] {
	const ref = spec.parentRef?.replace(/^["']|["']$/g, '').trim();
	if (!parent || ref === undefined || parseLinkText(spec.parentRef ?? '') !== null) return [];
	if (ref.toLowerCase() === parent.id.toLowerCase()) return [];
	const out: PlainReplacement[] = [];
	const bounds = findFrontmatter(text);
	if (bounds) {
		const entry = findTopLevelEntries(text, bounds).find((e) => e.key.toLowerCase() === 'parent');
		if (entry && (entry.style === 'plain' || entry.style === 'single' || entry.style === 'double')) {
			const raw = text.slice(entry.valueStart, entry.valueEnd);
			const at = raw.indexOf(ref);
			if (at >= 0 && raw.replace(/^["']|["']$/g, '').trim() === ref) {
				out.push({ start: entry.valueStart + at, end: entry.valueStart + at + ref.length, text: parent.id, from: `parent: ${ref}`, to: `parent: ${parent.id}` });
			}
		}
	}
	const header = readHeaderFields(text).get('parent');
	if (header && header.value.trim() === ref) {
		const at = header.start + header.value.indexOf(ref);
		out.push({ start: at, end: at + ref.length, text: parent.id, from: `**Parent**: ${ref}`, to: `**Parent**: ${parent.id}` });
	}
	return out;
}
