import { parse } from 'yaml';
import { parseSimpleYaml } from './simple-yaml';

/**
 * The one place that picks the YAML library. Obsidian reads properties as YAML 1.2 core: numbers
 * and booleans are typed, while `2025-08-26`, `yes` and `1:30` stay the text the user wrote.
 * Duplicate keys are an error, as they are in Obsidian's properties. (In main.js this import is
 * swapped for Obsidian's own parseYaml, see esbuild.config.mjs, so the plugin ships no YAML library.)
 * A syntax error is thrown in one shape whichever parser ran: see asYamlSyntaxError.
 *
 * The flat `key: value` frontmatter most notes have is read by a fast path that gives exactly the
 * full parser's result (see simple-yaml.ts); everything else, errors included, goes to the parser.
 */
export function loadYaml(raw: string): unknown {
	// A CRLF note's block: the parsers read lines split on "\n" alone.
	const source = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
	const simple = parseSimpleYaml(source);
	if (simple) return simple.value;
	try {
		// logLevel 'error': errors still throw, but the library's warnings (`Keys with collection values will be
		// stringified…` for `{{date}}`) stay off stderr; what matters about a value is said in our words.
		return parse(source, { schema: 'core', uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
	} catch (err) {
		const e = err as Error & { pos?: unknown };
		if (e.name !== 'YAMLParseError') throw err;
		const at = Array.isArray(e.pos) && typeof e.pos[0] === 'number' ? e.pos[0] : 0;
		const reason = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
		throw Object.assign(new Error(reason), { name: 'YAMLException', reason, mark: { line: source.slice(0, at).split('\n').length - 1 } });
	}
}

/** A YAML syntax error: its reason and 0-based line in the loaded text. */
export interface YamlSyntaxError {
	reason: string;
	line: number | null;
}

/** Reads a syntax error in js-yaml's shape (`reason`, `mark.line` 0-based), which Obsidian's parseYaml also throws. */
export function asYamlSyntaxError(err: unknown): YamlSyntaxError | null {
	if (!(err instanceof Error)) return null;
	const e = err as Error & { reason?: unknown; mark?: { line?: unknown } };
	if (e.name !== 'YAMLException' || typeof e.reason !== 'string') return null;
	return { reason: e.reason || 'malformed YAML', line: typeof e.mark?.line === 'number' ? e.mark.line : null };
}
