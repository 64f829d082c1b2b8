import { dump, load } from 'js-yaml';
import { parse, stringify } from 'yaml';

/**
 * Obsidian's `parseYaml` is js-yaml 4's `load` with its default schema: `2025-08-28` and
 * `2025-08-28 09:15:00` come back as Date objects, `0b101` and `-0x1F` as numbers, `<<` merges, and
 * a syntax error is a YAMLException with `reason` and a 0-based `mark.line`.
 */
export function parseYaml(text: string): unknown {
	return load(text);
}

/** Obsidian's `stringifyYaml` is js-yaml 4's `dump`. */
export function stringifyYaml(value: unknown): string {
	return dump(value);
}

/**
 * What the metadata cache holds and processFrontMatter edits: properties read as YAML 1.2 core,
 * numbers and booleans typed, dates the strings the user wrote.
 */
export function parseProperties(text: string): unknown {
	return parse(text, { schema: 'core' });
}

/**
 * How processFrontMatter writes properties: block style, two-space indented lists, double quotes
 * when quoting is needed, no line folding, and an empty value (not `null`) for null.
 */
export function stringifyProperties(value: unknown): string {
	return stringify(value, { schema: 'core', lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', nullStr: '', indentSeq: true });
}
