import { detectEol } from '../markdown/eol';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter, setProperty } from './frontmatter';
import { findEntry, findTopLevelEntries, type YamlEntry } from './yaml-entries';
import { emitScalar } from './yaml-scalar';

export interface AddToListOptions {
	/** Add `key:` with the one item when the note has no such property (else null is returned). */
	createMissing?: boolean;
}

/**
 * Adds `item` to the list property `key` the way its owner writes it: a one-line `[…]` list gets
 * `, item` before its `]`, a block list a `- item` line after its last line, quoted as the first
 * item is. Only the list's own line(s) change; comments, key order and other values keep every
 * byte. Null when the property is missing (unless `createMissing`) or is no list that can be
 * extended in place (a flow list over several lines, a scalar, a mapping): callers then write
 * where they did before rather than risk the owner's YAML.
 */
export function addToListProperty(text: string, key: string, item: string, options: AddToListOptions = {}): string | null {
	// Line edits in YAML that does not parse could make it worse.
	if (readFrontmatter(text, '').error) return null;
	const bounds = findFrontmatter(text);
	const entry = bounds ? findEntry(findTopLevelEntries(text, bounds), key) : null;
	if (!entry) return options.createMissing ? setProperty(text, key, [item]) : null;
	const out = isOneLineFlowList(text, entry) ? addToFlowList(text, entry, item) : entry.blockItemIndent !== null ? addToBlockList(text, entry, entry.blockItemIndent, item) : null;
	return out !== null && endsWithItem(out, entry.key, item) ? out : null;
}

/** Whether the edited note reads back with `item` last in the list: a layout this did not foresee writes nothing. */
function endsWithItem(text: string, key: string, item: string): boolean {
	const read = readFrontmatter(text, '');
	const list = read.error ? null : read.data[key];
	return Array.isArray(list) && list[list.length - 1] === item;
}

function isOneLineFlowList(text: string, entry: YamlEntry): boolean {
	return entry.flowSequence && entry.end === entry.keyLine.end && text.slice(entry.valueStart, entry.valueEnd).endsWith(']');
}

function addToFlowList(text: string, entry: YamlEntry, item: string): string {
	const inner = text.slice(entry.valueStart + 1, entry.valueEnd - 1);
	const written = emitScalar(item, quoteStyleOf(inner.trim()), true);
	const kept = inner.trimEnd();
	const at = entry.valueStart + 1 + kept.length;
	// `[]` takes the bare item; `[a,]` (a trailing comma) needs no second comma.
	const insert = kept.trim() === '' ? written : kept.endsWith(',') ? ` ${written}` : `, ${written}`;
	return text.slice(0, at) + insert + text.slice(at);
}

function addToBlockList(text: string, entry: YamlEntry, indent: string, item: string): string {
	const first = /^[ \t]*-[ \t]*(\S?)/m.exec(text.slice(entry.keyLine.end, entry.end))?.[1] ?? '';
	const line = `${indent}- ${emitScalar(item, quoteStyleOf(first))}`;
	// After the list's last line (an item, or a comment under it): the next key or `---` follows it.
	return text.slice(0, entry.end) + line + detectEol(text) + text.slice(entry.end);
}

/** Quote a new list item as the list's first item is quoted. */
function quoteStyleOf(item: string): 'double' | 'single' | 'plain' {
	return item.startsWith('"') ? 'double' : item.startsWith("'") ? 'single' : 'plain';
}
