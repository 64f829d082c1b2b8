// Named imports let esbuild drop js-yaml's dumper from main.js (we never serialize YAML whole).
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/**
 * The one place that picks the YAML library. Obsidian reads properties as YAML 1.2 core: numbers
 * and booleans are typed, while `2025-08-26`, `yes` and `1:30` stay the text the user wrote.
 */
export function loadYaml(source: string): unknown {
	return load(source, { schema: CORE_SCHEMA });
}

/** A YAML syntax error: its reason and 0-based line in the loaded text. */
export interface YamlSyntaxError {
	reason: string;
	line: number | null;
}

// Checked by shape as well as class: gray-matter's own js-yaml 3 may be a different copy.
export function asYamlSyntaxError(err: unknown): YamlSyntaxError | null {
	if (!(err instanceof Error)) return null;
	const e = err as { name: string; reason?: unknown; mark?: { line?: unknown } };
	if (!(err instanceof YAMLException) && !(e.name === 'YAMLException' && typeof e.reason === 'string')) return null;
	return {
		reason: typeof e.reason === 'string' && e.reason !== '' ? e.reason : 'malformed YAML',
		line: typeof e.mark?.line === 'number' ? e.mark.line : null,
	};
}
