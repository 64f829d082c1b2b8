import { basename, dirname, isUnder } from '../files/paths';
import { parseLinks } from '../links/link-parser';
import { readFrontmatter } from '../metadata/frontmatter';
import { headerValues } from './header-values';
import { folderId, idsInName, parseOldName } from './old-names';

/** What a journal is matched against: a spec's path, the id it keeps, the id its name gives, every name that finds it. */
export interface NamedSpec {
	path: string;
	id: string;
	nameId: string;
	aliases: string[];
}

/** The specs by each name a journal may give them, lower case; each list in the specs' order. */
export interface SpecNames<S extends NamedSpec = NamedSpec> {
	byAlias: Map<string, S[]>;
	byId: Map<string, S[]>;
	/** By id or by nameId. */
	byIdOrNameId: Map<string, S[]>;
	byPath: Map<string, S>;
	/** Each id's heads with the shape of the word after them (`e01-f##` of `E01-F01-T05`): see wordShape. */
	heads: Set<string>;
}

/** A word's shape, digits as `#` (`F01` → `f##`): the word after an id's head in a name of the same kind. */
function wordShape(word: string): string {
	return word.toLowerCase().replace(/\d/g, '#');
}

function addHeads(heads: Set<string>, id: string): void {
	const words = id.split('-');
	for (let i = 1; i < words.length; i++) heads.add(`${words.slice(0, i).join('-')}-${wordShape(words[i])}`);
}

export function specNames<S extends NamedSpec>(specs: S[]): SpecNames<S> {
	const byAlias = new Map<string, S[]>();
	const byId = new Map<string, S[]>();
	const byIdOrNameId = new Map<string, S[]>();
	const heads = new Set<string>();
	const put = (map: Map<string, S[]>, key: string, s: S): void => {
		const list = map.get(key);
		if (list === undefined) map.set(key, [s]);
		else if (list[list.length - 1] !== s) list.push(s);
	};
	for (const s of specs) {
		for (const alias of s.aliases) put(byAlias, alias.toLowerCase(), s);
		put(byId, s.id.toLowerCase(), s);
		put(byIdOrNameId, s.id.toLowerCase(), s);
		put(byIdOrNameId, s.nameId.toLowerCase(), s);
		addHeads(heads, s.id.toLowerCase());
		addHeads(heads, s.nameId.toLowerCase());
	}
	return { byAlias, byId, byIdOrNameId, byPath: new Map(specs.map((s) => [s.path, s] as const)), heads };
}

/**
 * The specs a journal's file name names: an old-layout name first (`1013-task-warm-storage-sata`), then
 * an id in each part of the name (specsInWords).
 * Looked up in indexes, not by scanning every spec per journal; the order is the specs' order per name, as a scan gives.
 */
export function matchJournal<S extends NamedSpec>(path: string, names: SpecNames<S>): S[] {
	const name = basename(path);
	const stem = name.toLowerCase() === 'context.md' ? basename(dirname(path)) : name.replace(/\.context\.md$/i, '');
	const { oldNames, words } = idsInName(stem.replace(/\d{4}-\d{2}-\d{2}/g, ' '));
	const found = new Set<S>();
	for (const oldName of oldNames) {
		for (const s of names.byAlias.get(oldName.toLowerCase()) ?? []) found.add(s);
		if (found.size > 0) continue;
		const id = parseOldName(oldName)?.id.toLowerCase();
		for (const s of (id === undefined ? undefined : names.byId.get(id)) ?? []) found.add(s);
	}
	if (found.size > 0) return [...found];
	for (const part of words) for (const s of specsInWords(part, names)) found.add(s);
	return [...found];
}

/**
 * The specs a run of dash-separated words names by id (`E01-F01-T05`, `plan-1014`, `1011-hot-storage`):
 * the longest runs holding a digit that are a spec's id or name id, so `E01-F01-T05` is the task, not
 * its epic `E01`. A run followed by a word shaped as the next part of a known id (`E01` before `F09`
 * when `E01-F01` exists) is the head of an id no spec has: it names nothing, never the parent.
 */
function specsInWords<S extends NamedSpec>(words: string[], names: SpecNames<S>): S[] {
	const lower = words.map((w) => w.toLowerCase());
	for (let length = lower.length; length > 0; length--) {
		const found = new Set<S>();
		for (let i = 0; i + length <= lower.length; i++) {
			const run = lower.slice(i, i + length);
			if (!run.some((w) => /\d/.test(w))) continue;
			const id = run.join('-');
			if (i + length < lower.length && names.heads.has(`${id}-${wordShape(lower[i + length])}`)) continue;
			for (const s of names.byIdOrNameId.get(id) ?? []) found.add(s);
		}
		if (found.size > 0) return [...found];
	}
	return [];
}

/** The lines and properties by which a journal names its spec (`spec_id` read as `spec id`). */
const NAMING_FIELDS = new Set(['id', 'spec', 'specification', 'spec file', 'spec id', 'spec path']);

/**
 * The specs a journal names in its own text: `**ID**: 1011-hot-storage-nvme`, `**Spec File**:
 * specs/…/1011-task-hot-storage-nvme.spec.md`, `**Spec**: [[…]]` (header lines or bullets). A link
 * or path is resolved with `resolve`; one that no longer finds a file (the old layout's path after a
 * move) names the spec its file name names. Empty when the text names none.
 */
export function specsNamedInside<S extends NamedSpec>(text: string, path: string, names: SpecNames<S>, resolve: (linkpath: string, source: string) => string | null): S[] {
	const found = new Set<S>();
	for (const value of namingValues(text)) {
		const links = parseLinks(value, { includeFrontmatter: true });
		const refs = links.length > 0 ? links.map((l) => l.target) : plainRefs(value);
		for (const ref of refs) for (const s of specsByRef(ref, path, names, resolve)) found.add(s);
	}
	return [...found];
}

/**
 * The names in a value without links: a path taken whole (`specs/…/1014-task-cold über NAS.spec.md`),
 * else each word holding a digit (`1014, 1015`, `Task 1011 - Hot storage`), else the value.
 */
function plainRefs(value: string): string[] {
	const whole = unquoted(value);
	if (whole.includes('/') || /\.md$/i.test(whole)) return [whole];
	const words = whole
		.split(/[\s,;]+/)
		.map(unquoted)
		.filter((w) => /\d/.test(w));
	return words.length > 0 ? words : [whole];
}

function unquoted(value: string): string {
	return value.replace(/^[`"'(]+|[`"'.,;:)]+$/g, '').trim();
}

/** The values of a note's naming properties, then of its naming lines; empty values left out. */
function namingValues(text: string): string[] {
	const out = namingProperties(text);
	for (const field of headerValues(text)) if (NAMING_FIELDS.has(field.name) && field.value !== '') out.push(field.value);
	return out;
}

/** `spec: "[[1001-feature-storage.spec]]"`, `spec_id: 1011`, a list of them; malformed YAML names nothing. */
function namingProperties(text: string): string[] {
	if (!text.startsWith('---')) return [];
	const out: string[] = [];
	for (const [key, value] of Object.entries(readFrontmatter(text, '').data)) {
		if (!NAMING_FIELDS.has(key.toLowerCase().replace(/[_-]+/g, ' ').trim())) continue;
		for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
			// `spec: [[x]]` unquoted is YAML for a list in a list.
			const flat = Array.isArray(item) && item.length === 1 && typeof item[0] === 'string' ? `[[${item[0]}]]` : item;
			if (typeof flat === 'string' || typeof flat === 'number') out.push(String(flat).trim());
		}
	}
	return out.filter((v) => v !== '');
}

function specsByRef<S extends NamedSpec>(ref: string, source: string, names: SpecNames<S>, resolve: (linkpath: string, source: string) => string | null): S[] {
	if (ref === '') return [];
	const looksLikePath = ref.includes('/') || /\.md$/i.test(ref);
	if (looksLikePath || ref.includes('.')) {
		const target = resolve(ref, source);
		const spec = target === null ? undefined : names.byPath.get(target);
		if (spec) return [spec];
		if (target !== null) return [];
		return specsByName(nameOfPath(ref), names);
	}
	return specsByName(ref, names);
}

/** `…/1011-task-x.spec.md` → `1011-task-x`; `…/1001/spec.md` → `1001` (the folder stands for it). */
function nameOfPath(ref: string): string {
	const name = basename(ref.replace(/#.*$/, ''));
	const stem = name.replace(/(\.spec)?\.md$/i, '');
	const lower = stem.toLowerCase();
	return lower === 'spec' || lower === 'epic' || lower === 'context' ? folderId(basename(dirname(ref))) : stem;
}

/** A spec's name as a journal writes it: an alias (`1011`, `1011-task-x`), an old-layout name, or a name starting with an id (`1011-hot-storage-nvme`). */
function specsByName<S extends NamedSpec>(name: string, names: SpecNames<S>): S[] {
	const lower = name.toLowerCase();
	const byAlias = names.byAlias.get(lower);
	if (byAlias) return byAlias;
	const oldId = parseOldName(name)?.id.toLowerCase();
	const byOld = oldId === undefined ? undefined : names.byId.get(oldId);
	if (byOld) return byOld;
	return specsInWords(
		lower.split('-').filter((w) => w !== ''),
		names,
	);
}

/** Folders that old vaults kept implementation journals in, apart from the specs. */
const JOURNAL_FOLDERS = new Set(['context', 'contexts', 'plan', 'plans', 'journal', 'journals']);
/** Outside the specs folder, dated notes count in these only (a `journal/` there holds daily notes). */
const WORK_FOLDERS = new Set(['context', 'contexts', 'plan', 'plans']);
const DATED = /\d{4}-\d{2}-\d{2}/;

function inFolderOf(path: string, folders: Set<string>): boolean {
	return path
		.split('/')
		.slice(0, -1)
		.some((part) => folders.has(part.toLowerCase()));
}

/**
 * Whether a note that no spec claims is a journal kept apart: a `*.context.md` in a journal folder,
 * or a dated note there (`context/2025-08-20-hot-storage-session.md`). Outside the specs folder a
 * dated note must also name a spec in its text (`namesSpec`), so daily notes are never taken.
 * Hidden folders and deliverables are never journals.
 */
export function isJournalApart(path: string, specsRoot: string, namesSpec: () => boolean): boolean {
	const kind = journalApartKind(path, specsRoot);
	return kind === 'journal' || (kind === 'if-named' && namesSpec());
}

/** isJournalApart by the path alone: 'if-named' when it is a journal only if its text names a spec. */
export function journalApartKind(path: string, specsRoot: string): 'journal' | 'if-named' | null {
	const lower = path.toLowerCase();
	if (!lower.endsWith('.md')) return null;
	const folders = path.split('/').slice(0, -1);
	if (folders.some((part) => part.startsWith('.') || part.toLowerCase() === 'deliverables')) return null;
	if (lower.endsWith('.context.md') || (DATED.test(basename(path)) && isUnder(path, specsRoot))) return inFolderOf(path, JOURNAL_FOLDERS) ? 'journal' : null;
	return DATED.test(basename(path)) && inFolderOf(path, WORK_FOLDERS) ? 'if-named' : null;
}

/** Whether a text has a line or property that names a spec (`**ID**:`, `**Spec File**:`, `**Spec**:`, `spec:`). */
export function hasNamingLine(text: string): boolean {
	return namingValues(text).length > 0;
}

/** The date a journal's name gives (`2025-08-20`), '' when none. */
export function journalDate(path: string): string {
	return DATED.exec(basename(path))?.[0] ?? '';
}

/** Journals by the date in their names, then by path: the oldest becomes the context, later ones follow as sessions. */
export function oldestFirst(journals: string[]): string[] {
	return journals
		.map((path) => ({ path, date: journalDate(path) }))
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
		.map((j) => j.path);
}
