import { parse, stringify } from 'yaml';

/**
 * Obsidian reads properties with a YAML 1.2 core schema: numbers and booleans are typed, dates stay
 * the strings the user wrote.
 */
export function parseYaml(text: string): unknown {
	return parse(text, { schema: 'core' });
}

/**
 * Obsidian writes properties block style, two-space indented lists, double quotes when quoting is
 * needed, no line folding, and an empty value (not `null`) for null.
 */
export function stringifyYaml(value: unknown): string {
	return stringify(value, { schema: 'core', lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', nullStr: '', indentSeq: true });
}
