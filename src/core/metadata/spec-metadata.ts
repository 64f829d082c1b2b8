import { findFencedBlocks, type Range } from '../markdown/code-ranges';
import { bodyStart, type FrontmatterBounds } from '../markdown/frontmatter-bounds';
import { lineAt, readFrontmatter, type FrontmatterRead, type MetadataProblem } from './frontmatter';
import { readHeaderFields, type HeaderField } from './header-lines';
import { normalizeSpecType, type SpecType } from './spec-type';
import { normalizeStatus, type SpecStatus } from './status';
import { findTopLevelEntries } from './yaml-entries';

/** A property and its header line say different things; the property wins, `validate` reports it. */
export interface MetadataMismatch {
	field: string;
	property: string;
	header: string;
}

/**
 * What a spec (or context) note says about itself: properties first, the visible header lines
 * (`**Status**: …`) where a property is missing. Text values are as written.
 */
export interface SpecMetadata {
	/** Always a string: `id: 1014` reads as '1014'. */
	id?: string;
	type?: SpecType;
	/** The type as written, also when it is not one we know. */
	typeRaw?: string;
	/** The `title` property, else the first `# ` heading as written. */
	title?: string;
	/** The first `# ` heading's text (`Spec 1014: Cold Storage`), when there is one. */
	heading?: string;
	status?: SpecStatus;
	/** The status as written, also when it is not one we know (then `status` is absent). */
	statusRaw?: string;
	/** A link (`[[../epic|Parent]]`) or an id (`E01-F01`), as written. */
	parent?: string;
	/** A link to the context file, as written (`context` or `context_file` property, `**Context**:` line). */
	context?: string;
	/** A link back to the spec, as context files write it (`**Spec**:` / `**Specification**:`). */
	spec?: string;
	created?: string;
	updated?: string;
	tags: string[];
	/** The `children` property: ids or links of the spec's children, as written. */
	children: string[];
	/** The `deliverables` property: ids, links or paths of registered deliverables, as written. */
	deliverables: string[];
	/** The `commits` property: commit hashes (`08e4cc5`, or `08e4cc5: message`), as written. */
	commits: string[];
	/** Every property, unknown ones included. */
	properties: Record<string, unknown>;
	mismatches: MetadataMismatch[];
	problems: MetadataProblem[];
}

type TextField = 'parent' | 'context' | 'spec' | 'created' | 'updated';

const FIELDS: { field: TextField | 'status'; properties: string[]; headers: string[] }[] = [
	{ field: 'status', properties: ['status'], headers: ['status'] },
	{ field: 'parent', properties: ['parent'], headers: ['parent'] },
	{ field: 'context', properties: ['context', 'context_file'], headers: ['context'] },
	{ field: 'spec', properties: ['spec', 'specification'], headers: ['spec', 'specification'] },
	{ field: 'created', properties: ['created'], headers: ['created'] },
	{ field: 'updated', properties: ['updated'], headers: ['updated'] },
];

/** `frontmatter`: readFrontmatter(text, path) when the caller has it already, so the YAML is parsed once. */
export function readSpecMetadata(text: string, path: string, frontmatter?: FrontmatterRead): SpecMetadata {
	const fm = frontmatter ?? readFrontmatter(text, path);
	const problems: MetadataProblem[] = fm.error ? [fm.error] : [];
	const headers = readHeaderFields(text);
	const meta: SpecMetadata = { tags: [], children: [], deliverables: [], commits: [], properties: fm.data, mismatches: [], problems };
	const property = (names: string[]): string | undefined => {
		for (const name of names) {
			const key = propertyKey(fm.data, name);
			if (key === undefined) continue;
			const value = propertyText(fm.data[key]);
			if (value === null) {
				const line = fm.bounds ? propertyLine(text, fm.bounds, key) : 1;
				const message = `${path} line ${line}: property "${key}" should be text, not ${describe(fm.data[key])}; it was ignored`;
				problems.push({ path, line, message, ignoredProperty: key });
			} else if (value !== undefined) return value;
		}
		return undefined;
	};

	meta.id = property(['id']);
	// A `**Type**: Epic` line declares the type too, in notes kept without frontmatter.
	const typeRaw = property(['type']) ?? headerValue(headers, ['type']);
	if (typeRaw !== undefined) {
		meta.typeRaw = typeRaw;
		meta.type = normalizeSpecType(typeRaw) ?? undefined;
	}
	meta.heading = firstHeading(text);
	meta.title = property(['title']) ?? meta.heading;

	for (const { field, properties, headers: names } of FIELDS) {
		const fromProperty = property(properties);
		const fromHeader = headerValue(headers, names);
		const value = fromProperty ?? fromHeader;
		if (value === undefined) continue;
		if (field === 'status') {
			meta.statusRaw = value;
			meta.status = normalizeStatus(value).status ?? undefined;
		} else meta[field] = value;
		if (fromProperty !== undefined && fromHeader !== undefined && disagree(field, fromProperty, fromHeader)) {
			meta.mismatches.push({ field, property: fromProperty, header: fromHeader });
		}
	}
	meta.tags = readTags(fm.data);
	meta.children = readList(fm.data, 'children');
	meta.deliverables = readList(fm.data, 'deliverables');
	meta.commits = readList(fm.data, 'commits');
	return meta;
}

/** The property's key: exact, else differing only in case (`Status:` in hand-written files). */
function propertyKey(data: Record<string, unknown>, name: string): string | undefined {
	if (Object.prototype.hasOwnProperty.call(data, name)) return name;
	return Object.keys(data).find((k) => k.toLowerCase() === name);
}

/** Text of a scalar property; undefined when empty; null when it is a list or a mapping. */
function propertyText(value: unknown): string | undefined | null {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	// `parent: [[../epic]]` without quotes is YAML for a list in a list; Obsidian shows it as the link.
	if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'string') {
		return `[[${value[0][0]}]]`;
	}
	return null;
}

function describe(value: unknown): string {
	return Array.isArray(value) ? 'a list' : 'a set of fields';
}

function propertyLine(text: string, bounds: FrontmatterBounds, key: string): number {
	const entry = findTopLevelEntries(text, bounds).find((e) => e.key === key);
	return lineAt(text, entry ? entry.keyLine.start : bounds.yamlStart);
}

function headerValue(headers: Map<string, HeaderField>, names: string[]): string | undefined {
	for (const name of names) {
		const value = headers.get(name)?.value.trim();
		if (value) return value;
	}
	return undefined;
}

/** The first `# ` heading outside code, without closing `#`s. */
function firstHeading(text: string): string | undefined {
	// Only the body: a YAML comment (`# note`) or a ``` in a block scalar is not markdown.
	const body = bodyStart(text);
	const h1 = /^#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\r?$/gm;
	h1.lastIndex = body;
	let fences: Range[] | null = null;
	let f = 0;
	for (let m = h1.exec(text); m; m = h1.exec(text)) {
		// A fence around the heading opens with ``` or ~~~ before it; most notes have none above their title.
		if (fences === null) {
			const backticks = text.indexOf('```', body);
			const tildes = text.indexOf('~~~', body);
			if ((backticks < 0 || backticks > m.index) && (tildes < 0 || tildes > m.index)) return m[1] === '' ? undefined : m[1];
			fences = findFencedBlocks(text, body);
		}
		while (f < fences.length && fences[f][1] <= m.index) f++;
		if (f < fences.length && fences[f][0] <= m.index) continue;
		return m[1] === '' ? undefined : m[1];
	}
	return undefined;
}

function readTags(data: Record<string, unknown>): string[] {
	const key = propertyKey(data, 'tags') ?? propertyKey(data, 'tag');
	if (key === undefined) return [];
	const value = data[key];
	const items: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [value];
	return items
		.filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
		.map((t) => String(t).trim().replace(/^#/, ''))
		.filter((t) => t !== '');
}

/**
 * A list property as text items: a YAML list, or one scalar (`children: 1001`). An unquoted
 * `[[link]]` item (YAML's list in a list) is read as the link; mappings and empty items are skipped.
 */
function readList(data: Record<string, unknown>, name: string): string[] {
	const key = propertyKey(data, name);
	if (key === undefined) return [];
	const value = data[key];
	const items: unknown[] = Array.isArray(value) ? value : [value];
	const out: string[] = [];
	for (const item of items) {
		const text = propertyText(item);
		if (typeof text === 'string') out.push(text);
	}
	return out;
}

/** Differences a reader would call a contradiction, not spelling: statuses by meaning, links by target, dates by prefix. */
function disagree(field: TextField | 'status', property: string, header: string): boolean {
	if (field === 'status') {
		const a = normalizeStatus(property).status;
		const b = normalizeStatus(header).status;
		return a !== null && b !== null ? a !== b : property.toLowerCase() !== header.toLowerCase();
	}
	if (field === 'created' || field === 'updated') {
		return !(property.startsWith(header) || header.startsWith(property));
	}
	const a = linkTarget(property);
	const b = linkTarget(header);
	if (a !== null && b !== null) return a !== b;
	if (a === null && b === null) return property.toLowerCase() !== header.toLowerCase();
	// An id against a link: comparable only when the link names its file after an id (`[[1014.spec|…]]`).
	const link = (a ?? b) as string;
	const id = (a === null ? property : header).toLowerCase();
	const base = link.slice(link.lastIndexOf('/') + 1).replace(/\.(spec|context)$/, '');
	return !GENERIC_NAMES.has(base) && base !== id;
}

const GENERIC_NAMES = new Set(['spec', 'epic', 'context', 'index', 'readme']);

/** The target of a wikilink or markdown link, lower-cased, without `./`, `#heading`, alias or `.md`. */
function linkTarget(value: string): string | null {
	const wiki = /^\[\[([^\]|#]*)/.exec(value);
	const md = wiki ? null : /^\[[^\]]*\]\(<?([^)#>]*)/.exec(value);
	const raw = wiki?.[1] ?? md?.[1];
	if (raw === undefined) return null;
	let target = raw.trim();
	if (md) {
		try {
			target = decodeURI(target);
		} catch {
			// Keep it as written.
		}
	}
	return target.replace(/^\.\//, '').replace(/\.md$/i, '').toLowerCase();
}
