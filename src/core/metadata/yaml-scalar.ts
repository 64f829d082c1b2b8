import { loadYaml } from './yaml-engine';

/** A value setProperty can write: what Obsidian's Properties panel offers, minus dates (written as text). */
export type PropertyValue = string | number | boolean | string[] | null;

export type QuoteStyle = 'plain' | 'single' | 'double';

// YAML 1.1 readers (and older Obsidian plugins) take these as booleans, numbers or nulls.
const YAML11_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~']);
const YAML11_NUMBER =
	/^[-+]?(0b[01_]+|0x[0-9a-f_]+|0o?[0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?(e[-+]?[0-9]+)?|\.[0-9][0-9_]*(e[-+]?[0-9]+)?|\.(inf|nan)|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$/i;
const INDICATOR_START = '-?:,[]{}#&*!|>\'"%@`';
const FLOW_CHARS = /[,[\]{}:]/;
const CONTROL = /[\p{Cc}\u2028\u2029\uFEFF]/u;

/**
 * True when `text` can be written without quotes and still reads back as the same string, in a
 * block value (`key: text`, `- text`) or, with `inFlow`, inside `[a, b]`. Conservative on purpose:
 * `yes`, `1.0`, `14:30`, `[[link]]` and `a: b` are quoted; `2025-08-26` is not (dates stay text).
 */
export function isPlainSafe(text: string, inFlow = false): boolean {
	if (text === '' || text !== text.trim()) return false;
	if (CONTROL.test(text)) return false;
	if (INDICATOR_START.includes(text[0])) return false;
	if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
	if (inFlow && FLOW_CHARS.test(text)) return false;
	// Parsers differ on quotes inside a plain flow item (`[("]`); quoting them is always safe.
	if (inFlow && /["']/.test(text)) return false;
	if (YAML11_WORDS.has(text.toLowerCase()) || YAML11_NUMBER.test(text)) return false;
	return readsBackAs(inFlow ? `k: [${text}]` : `k: ${text}`, inFlow ? [text] : text);
}

function readsBackAs(source: string, expected: string | string[]): boolean {
	try {
		const loaded = loadYaml(source) as { k?: unknown } | null;
		return JSON.stringify(loaded?.k) === JSON.stringify(expected);
	} catch {
		return false;
	}
}

/** JSON string syntax is valid YAML double-quoted syntax, escapes included. */
export function doubleQuoted(text: string): string {
	return JSON.stringify(text);
}

/** Single quotes escape nothing but `'` itself, so they cannot hold line breaks or control characters. */
export function singleQuoted(text: string): string | null {
	if (CONTROL.test(text)) return null;
	return `'${text.replace(/'/g, "''")}'`;
}

/** One scalar on one line. `null` is the empty value (`key:`), as Obsidian writes it. */
export function emitScalar(value: string | number | boolean | null, prefer: QuoteStyle = 'plain', inFlow = false): string {
	if (value === null) return '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return emitNumber(value);
	if (prefer === 'single') return singleQuoted(value) ?? doubleQuoted(value);
	if (prefer === 'double') return doubleQuoted(value);
	return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
}

function emitNumber(value: number): string {
	if (Number.isNaN(value)) return '.nan';
	if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
	return String(value);
}

export function emitFlowList(items: string[]): string {
	return `[${items.map((item) => emitScalar(item, 'plain', true)).join(', ')}]`;
}

/** A property name as a mapping key: plain when safe, otherwise double-quoted. */
export function emitKey(key: string): string {
	return isPlainSafe(key) && !key.includes(':') && !key.includes('#') ? key : doubleQuoted(key);
}
