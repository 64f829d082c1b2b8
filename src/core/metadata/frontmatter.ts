import { detectEol, withEol, type Eol } from '../markdown/eol';
import { findFrontmatter, type FrontmatterBounds } from '../markdown/frontmatter-bounds';
import { emitFlowList, emitKey, emitScalar, isPlainSafe, type PropertyValue, type QuoteStyle } from './yaml-scalar';
import { findEntry, findTopLevelEntries, type YamlEntry } from './yaml-entries';
import { asYamlSyntaxError, loadYaml } from './yaml-engine';
import { unclosedIn } from './yaml-opening';

export type { PropertyValue } from './yaml-scalar';

/** Something wrong with a file's metadata, said so a user can find it: "specs/1000/epic.md line 4: …". */
export interface MetadataProblem {
	path: string;
	/** 1-based line in the file. */
	line: number;
	message: string;
	/**
	 * The property left out for its type (`created: {{date}}` read as a set of fields). The YAML is
	 * valid and the rest of the note is read, so verbs go on; validate still reports it.
	 */
	ignoredProperty?: string;
}

export interface FrontmatterRead {
	data: Record<string, unknown>;
	bounds: FrontmatterBounds | null;
	error: MetadataProblem | null;
}

/**
 * Reads a note's frontmatter. The bounds follow Obsidian's rule (`---` on line 1, closed by a later
 * `---` line); without them there are no properties and no error. Malformed YAML, or YAML that is
 * a list or a single value instead of properties, gives `data: {}` and an error naming the file
 * and line. Never throws.
 */
export function readFrontmatter(text: string, path: string): FrontmatterRead {
	const bounds = findFrontmatter(text);
	if (!bounds) return { data: {}, bounds: null, error: null };
	const yamlText = text.slice(bounds.yamlStart, bounds.yamlEnd);
	// Empty or comment-only frontmatter: no properties, nothing to parse.
	if (yamlText.replace(/^\s*#.*$/gm, '').trim() === '') return { data: {}, bounds, error: null };
	let value: unknown;
	try {
		// The leading newline stands for the opening `---` line, so the parser's line 0 is the file's
		// line 1; without the last line's newline, an unclosed `[` is reported on its own line.
		value = loadYaml('\n' + yamlText.replace(/\r?\n$/, ''));
	} catch (err) {
		return { data: {}, bounds, error: yamlProblem(err, text, bounds, path) };
	}
	if (value === null || value === undefined) return { data: {}, bounds, error: null };
	if (typeof value !== 'object' || Array.isArray(value)) {
		const what = Array.isArray(value) ? 'a list' : `a single value (${JSON.stringify(value)})`;
		const line = firstContentLine(text, bounds);
		return { data: {}, bounds, error: { path, line, message: `${path} line ${line}: the frontmatter is ${what}, not a set of properties` } };
	}
	return { data: value as Record<string, unknown>, bounds, error: null };
}

function yamlProblem(err: unknown, text: string, bounds: FrontmatterBounds, path: string): MetadataProblem {
	const syntax = asYamlSyntaxError(err);
	if (syntax) {
		const firstYamlLine = 2;
		const closingLine = lineAt(text, bounds.yamlEnd);
		const reported = syntax.line === null ? firstYamlLine : Math.min(Math.max(syntax.line + 1, firstYamlLine), closingLine);
		const line = Math.min(reported, openingLine(text, bounds, syntax.reason) ?? reported);
		return { path, line, message: `${path} line ${line}: ${syntax.reason}` };
	}
	const detail = err instanceof Error ? err.message : String(err);
	return { path, line: 1, message: `${path} line 1: the frontmatter could not be read (${detail})` };
}

/** For an unclosed `[`, `{` or quote, the line where it opens: the parsers name a later one. */
function openingLine(text: string, bounds: FrontmatterBounds, reason: string): number | null {
	const open = unclosedIn(text.slice(bounds.yamlStart, bounds.yamlEnd));
	const at = /flow/i.test(reason) ? open.flow : /quot/i.test(reason) ? open.quote : null;
	return at === null ? null : lineAt(text, bounds.yamlStart + at);
}

/** 1-based line number of the character at `offset`. */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

function firstContentLine(text: string, bounds: FrontmatterBounds): number {
	const yamlText = text.slice(bounds.yamlStart, bounds.yamlEnd);
	const m = /^[ \t]*[^\s#]/m.exec(yamlText);
	return lineAt(text, bounds.yamlStart + (m ? m.index : 0));
}

/**
 * Sets one property, surgically. An existing one-line value is replaced on its line (layout,
 * trailing comment and, when the new value allows, quote style kept); a block or multi-line value
 * has exactly its lines replaced; a missing key is added as the last line of the frontmatter; a
 * note without frontmatter gets one at the top. Every other byte stays as it was.
 *
 * This edits lines, not YAML: callers refuse to write into frontmatter that readFrontmatter
 * reports as malformed, so a broken file is never made worse.
 */
export function setProperty(text: string, key: string, value: PropertyValue): string {
	const eol = detectEol(text);
	const bounds = findFrontmatter(text);
	if (!bounds) return withEol(`---\n${newEntry(key, value)}---\n`, eol) + text;
	const entry = findEntry(findTopLevelEntries(text, bounds), key);
	if (!entry) return text.slice(0, bounds.yamlEnd) + withEol(newEntry(key, value), eol) + text.slice(bounds.yamlEnd);
	return replaceValue(text, entry, value, eol);
}

/** Several properties in one go, in the record's order (new keys are appended in that order). */
export function setProperties(text: string, values: Record<string, PropertyValue>): string {
	let result = text;
	for (const [key, value] of Object.entries(values)) result = setProperty(result, key, value);
	return result;
}

/** Removes a top-level property with all its lines; the rest of the file is untouched. */
export function removeProperty(text: string, key: string): string {
	const bounds = findFrontmatter(text);
	if (!bounds) return text;
	const entry = findEntry(findTopLevelEntries(text, bounds), key);
	if (!entry) return text;
	return text.slice(0, entry.keyLine.start) + text.slice(entry.end);
}

function newEntry(key: string, value: PropertyValue): string {
	if (Array.isArray(value) && value.length > 0) return `${emitKey(key)}:\n${blockItems(value, '  ', '\n')}`;
	const emitted = Array.isArray(value) ? '[]' : emitScalar(value);
	return `${emitKey(key)}:${emitted === '' ? '' : ' ' + emitted}\n`;
}

function blockItems(items: string[], indent: string, eol: Eol, keep: string[] = []): string {
	return items.map((item, i) => (keep[i] !== undefined && readsAsItem(keep[i], item) ? keep[i] : `${indent}- ${emitScalar(item)}`) + eol).join('');
}

/** True when an existing `- item` line already says `item` (so its own quoting is kept). */
function readsAsItem(line: string, item: string): boolean {
	try {
		const loaded = loadYaml(line.trimStart());
		return Array.isArray(loaded) && loaded.length === 1 && loaded[0] === item;
	} catch {
		return false;
	}
}

function replaceValue(text: string, entry: YamlEntry, value: PropertyValue, eol: Eol): string {
	const hasLinesBelow = entry.end > entry.keyLine.end;
	const asFlow = Array.isArray(value) && (value.length === 0 || (entry.flowSequence && !hasLinesBelow));
	if (Array.isArray(value) && !asFlow) {
		const keep = entry.simpleItems?.map((l) => l.text) ?? [];
		const items = blockItems(value, entry.blockItemIndent ?? '  ', eol, keep);
		return spliceKeyLine(text, entry, '') + items + text.slice(entry.end);
	}
	const emitted = Array.isArray(value) ? emitFlowList(value) : emitScalar(value, quoteStyleFor(entry, value));
	return spliceKeyLine(text, entry, emitted) + text.slice(entry.end);
}

/** The text up to the end of the key line, with its value replaced by `emitted` (comment kept). */
function spliceKeyLine(text: string, entry: YamlEntry, emitted: string): string {
	const rest = text.slice(entry.valueEnd, entry.keyLine.end);
	if (emitted === '') return text.slice(0, entry.colonEnd) + rest;
	if (entry.style === 'empty') return text.slice(0, entry.colonEnd) + ' ' + emitted + rest;
	return text.slice(0, entry.valueStart) + emitted + rest;
}

function quoteStyleFor(entry: YamlEntry, value: PropertyValue): QuoteStyle {
	if (typeof value !== 'string') return 'plain';
	if (entry.style === 'single') return 'single';
	if (entry.style === 'double') return 'double';
	// A plain value that needs quotes gets double quotes, as Obsidian writes `"[[link]]"`.
	return isPlainSafe(value) ? 'plain' : 'double';
}
