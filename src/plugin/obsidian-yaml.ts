import { parseYaml } from 'obsidian';

/**
 * Stands in for the `yaml` package inside main.js (esbuild aliases it here), so the plugin reads
 * properties with Obsidian's own parser and ships no YAML library. Only `parse` is used by the core.
 */
export function parse(source: string): unknown {
	return datesAsText(parseYaml(source));
}

/** Should a parser hand back Date objects for `2025-08-26`, turn them back into the text written. */
function datesAsText(value: unknown): unknown {
	if (value instanceof Date) {
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	if (Array.isArray(value)) return value.map(datesAsText);
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = datesAsText(v);
		return out;
	}
	return value;
}
