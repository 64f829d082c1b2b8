import { FileStoreError } from '../files/file-store';
import { extension, isUnder } from '../files/paths';
import { foreignContext } from '../edits/context-ownership';
import type { Spec } from '../index/spec';
import { isBinaryPath } from '../deliverables/file-kind';
import { deliverableComments, LINK_FIELDS, type CommentField } from '../deliverables/leading-comments';
import type { PathRole } from '../index/discovery';
import { parseLinks, parseLinkText } from '../links/link-parser';
import { ResolveMemo } from '../links/resolve-memo';
import { readFrontmatter, type FrontmatterRead } from '../metadata/frontmatter';
import { lineCounter } from '../markdown/line-numbers';
import { flattenSections, findSection, parseSections } from '../markdown/sections';
import { readSpecMetadata, SpecMetadata } from '../metadata/spec-metadata';
import { findEntry, findTopLevelEntries } from '../metadata/yaml-entries';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { CHILD_LIST } from '../edits/child-list';
import { plainTracebackPath } from '../deliverables/spec-deliverables';
import { Finding } from './validate-types';
import { Workspace } from '../workspace/workspace';

/**
 * Everything the checks need from the files under the specs root, read once: each text, its line
 * starts, and its links with where they resolve. Checks then work on these facts, never on the
 * disk, so validating is linear in the vault's size.
 */

export interface LinkFact {
	/** The link as written (`[[missing]]`, `[Setup](x.sh)`, or a property's value). */
	raw: string;
	/** The decoded path part; '' for a same-file `#heading` link. */
	target: string;
	/** Offset of the link in the file (for a property: its key line). */
	start: number;
	line: number;
	/** The vault file it points to, or null when it resolves to nothing. */
	resolved: string | null;
	where: 'body' | 'property' | 'traceback';
	/** The property or traceback field holding it. */
	field?: string;
}

export interface FileFacts {
	path: string;
	role: PathRole;
	text: string;
	markdown: boolean;
	links: LinkFact[];
	/** Every file a link of this one resolves to. */
	targets: Set<string>;
	/** Properties (empty when there is no frontmatter or it is malformed). */
	properties: Record<string, unknown>;
	/** Malformed frontmatter: its message names the file and line. */
	yamlError: string | null;
	/** Traceback fields of a deliverable's leading comment block (empty for other files). */
	comments: CommentField[];
	/** 1-based line of an offset. */
	lineOf(offset: number): number;
}

/** A heading section's range (see Section). */
export interface SectionRange {
	headingStart: number;
	headingEnd: number;
	end: number;
}

/** What the checks need of a spec's or context's headings, from one parse of its outline. */
export interface Outline {
	/** The `## Deliverables` section (the shallowest, as findSection picks), or null. */
	deliverables: SectionRange | null;
	/** The outermost Features/Tasks (CHILD_LIST) sections, in text order. */
	childLists: SectionRange[];
}

export class VaultFacts {
	/** Every file under the specs root that matters (hidden folders and stray non-markdown left out), and the specs' journals outside it. */
	readonly paths: string[] = [];
	readonly problems: Finding[] = [];
	private readonly files = new Map<string, FileFacts | null>();
	private readonly metadata = new Map<string, SpecMetadata>();
	private readonly outlines = new Map<string, Outline>();
	/** Link targets resolved once per folder (see ResolveMemo): the notes of a folder link the same neighbours. */
	private readonly resolved: ResolveMemo;
	/** Each markdown file's frontmatter as build read it, so meta() does not parse the YAML again. */
	private readonly frontmatter = new Map<string, FrontmatterRead>();
	/** Journals outside the specs root already in `paths`. */
	private readonly outside = new Set<string>();

	private constructor(private readonly ws: Workspace) {
		this.resolved = new ResolveMemo(ws.links);
	}

	static async load(ws: Workspace): Promise<VaultFacts> {
		const facts = new VaultFacts(ws);
		// The index holds the files under the specs root, kept current as they change: no second walk.
		for (const path of ws.index.filePaths().sort()) {
			if (facts.role(path) === 'other') continue;
			facts.paths.push(path);
			if (!isBinaryPath(path)) await facts.read(path);
		}
		for (const spec of ws.index.all()) await facts.addJournalOutside(spec);
		return facts;
	}

	/**
	 * A spec's journal kept outside the specs root (`journal/E01-F02 log.md`) is checked as one
	 * beside the spec is. Only the spec's own: a note its Context line names that is no journal of
	 * it is reported as such, and its links are not this check's business.
	 */
	private async addJournalOutside(spec: Spec): Promise<void> {
		const path = this.ws.index.contextPathOf(spec);
		if (this.outside.has(path) || isUnder(path, this.ws.index.specsRoot) || extension(path) !== 'md' || !this.ws.links.has(path)) return;
		const file = await this.read(path);
		if (file && foreignContext(this.ws, spec, path, file.text) === null) {
			this.outside.add(path);
			this.paths.push(path);
		}
	}

	/** As the index sees it: files in ignored folders (backups, archives) are 'other' and left unchecked. */
	role(path: string): PathRole {
		return this.ws.index.roleOf(path);
	}

	/** The facts of a file read earlier, or null (binary, unreadable, not read). */
	get(path: string): FileFacts | null {
		return this.files.get(path) ?? null;
	}

	/** The facts of any vault text file (a context outside the specs root, say), read at most once. */
	async read(path: string): Promise<FileFacts | null> {
		if (this.files.has(path)) return this.files.get(path) ?? null;
		let text: string;
		try {
			text = await this.ws.store.read(path);
		} catch (e) {
			this.files.set(path, null);
			// A deliverable that is not UTF-8 text (a Latin-1 config file) is the user's to keep as it is: like a
			// binary file, it is not checked. A note that cannot be read is a problem.
			if (e instanceof FileStoreError && e.code === 'io' && extension(path) !== 'md' && this.role(path) === 'deliverable') return null;
			const reason = (e as Error).message;
			this.problems.push({ severity: 'error', code: 'unreadable', path, message: reason.startsWith(path) ? reason : `${path}: ${reason}` });
			return null;
		}
		const facts = this.build(path, text);
		this.files.set(path, facts);
		return facts;
	}

	/** readSpecMetadata of a markdown file, computed once. */
	meta(file: FileFacts): SpecMetadata {
		let meta = this.metadata.get(file.path);
		if (!meta) {
			meta = readSpecMetadata(file.text, file.path, this.frontmatter.get(file.path));
			this.metadata.set(file.path, meta);
			this.frontmatter.delete(file.path);
		}
		return meta;
	}

	/** The Deliverables and child-list sections of a markdown file, its headings parsed once. */
	outline(file: FileFacts): Outline {
		let outline = this.outlines.get(file.path);
		if (!outline) {
			const root = parseSections(file.text);
			const found = findSection(root, ['Deliverables']);
			const lists = flattenSections(root).filter((s) => CHILD_LIST.test(s.title));
			// Links are in text order; each lies in at most one outermost list section.
			const childLists = lists.filter((s) => !lists.some((o) => o !== s && o.headingStart < s.headingStart && s.end <= o.end)).map(range);
			outline = { deliverables: found ? range(found) : null, childLists };
			this.outlines.set(file.path, outline);
		}
		return outline;
	}

	private build(path: string, text: string): FileFacts {
		const role = this.role(path);
		const markdown = extension(path) === 'md';
		const fromHere = this.resolved.from(path);
		const resolve = (target: string): string | null => (target === '' ? path : fromHere(target));
		const lineAt = lineCounter(text);
		const links: LinkFact[] = [];
		let properties: Record<string, unknown> = {};
		let yamlError: string | null = null;
		let comments: CommentField[] = [];
		if (markdown) {
			for (const link of parseLinks(text)) {
				links.push({ raw: link.raw, target: link.target, start: link.start, line: lineAt(link.start), resolved: resolve(link.target), where: 'body' });
			}
			const fm = readFrontmatter(text, path);
			this.frontmatter.set(path, fm);
			yamlError = fm.error?.message ?? null;
			properties = fm.data;
			if (fm.bounds && !fm.error) {
				const keyLines = new Map(findTopLevelEntries(text, fm.bounds).map((e) => [e.key, e.keyLine.start] as const));
				for (const [key, value] of Object.entries(fm.data)) {
					const start = keyLines.get(key) ?? fm.bounds.yamlStart;
					for (const s of linkStrings(value)) {
						const link = parseLinkText(s);
						if (!link || link.target === '') continue;
						links.push({ raw: s.trim(), target: link.target, start, line: lineAt(start), resolved: resolve(link.target), where: 'property', field: key });
					}
				}
			}
			if (role === 'deliverable') comments = deliverableComments(path, text);
		} else {
			comments = deliverableComments(path, text);
			for (const field of comments) {
				if (!LINK_FIELDS.has(field.name)) continue;
				for (const link of fieldLinks(field)) {
					links.push({ raw: link.raw, target: link.target, start: link.start, line: lineAt(link.start), resolved: resolve(link.target), where: 'traceback', field: field.name });
				}
			}
		}
		return new TextFacts(path, role, text, markdown, links, properties, yamlError, comments);
	}
}

/**
 * A file's facts. Its line table and link targets are built on first use: most files need
 * neither (lines are asked for only where there is a problem, targets only of specs and contexts).
 */
class TextFacts implements FileFacts {
	private lines: ((offset: number) => number) | null = null;
	private targetSet: Set<string> | null = null;

	constructor(
		readonly path: string,
		readonly role: PathRole,
		readonly text: string,
		readonly markdown: boolean,
		readonly links: LinkFact[],
		readonly properties: Record<string, unknown>,
		readonly yamlError: string | null,
		readonly comments: CommentField[],
	) {}

	get targets(): Set<string> {
		if (!this.targetSet) {
			this.targetSet = new Set();
			for (const link of this.links) if (link.resolved) this.targetSet.add(link.resolved);
		}
		return this.targetSet;
	}

	lineOf(offset: number): number {
		this.lines ??= lineCounter(this.text);
		return this.lines(offset);
	}
}

/**
 * The line of one item of a list property (`- "1099"` under `children:`), else of the property's
 * key, else undefined: so a warning about an item points at the item the owner wrote.
 */
export function propertyItemLine(file: FileFacts, key: string, item: string): number | undefined {
	const bounds = file.yamlError === null ? findFrontmatter(file.text) : null;
	const entry = bounds ? findEntry(findTopLevelEntries(file.text, bounds), key) : null;
	if (!entry) return undefined;
	const at = item === '' ? -1 : file.text.slice(entry.colonEnd, entry.end).indexOf(item);
	return file.lineOf(at < 0 ? entry.keyLine.start : entry.colonEnd + at);
}

function range(s: SectionRange): SectionRange {
	return { headingStart: s.headingStart, headingEnd: s.headingEnd, end: s.end };
}

/** String values of a property that may be links; `parent: [[../epic]]` unquoted is YAML for a nested list. */
function linkStrings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (!Array.isArray(value)) return [];
	if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'string') return [`[[${value[0][0]}]]`];
	return value.flatMap((item) => (typeof item === 'string' ? [item] : Array.isArray(item) && item.length === 1 && typeof item[0] === 'string' ? [`[[${item[0]}]]`] : []));
}

/** The links of a traceback field's value, or the value itself when it is a plain vault path. */
function fieldLinks(field: CommentField): { raw: string; target: string; start: number }[] {
	const found = parseLinks(field.value, { includeFrontmatter: true });
	if (found.length > 0) return found.map((l) => ({ raw: l.raw, target: l.target, start: field.valueStart + l.start }));
	const path = plainTracebackPath(field.value);
	return path !== null ? [{ raw: path, target: path, start: field.valueStart }] : [];
}
