import { emitScalar } from '../metadata/yaml-scalar';
/**
 * Small writers shared by the templates: YAML frontmatter with safely quoted scalars, and the
 * the reference layout's visible header lines (`**Status**: planning` with a two-space hard break on all but the last).
 */

export type FrontmatterValue = string | readonly string[];

/** Frontmatter in the given key order; undefined values are left out. */
export function formatFrontmatter(entries: readonly (readonly [string, FrontmatterValue | undefined])[]): string {
	const out = ['---'];
	for (const [key, value] of entries) {
		if (value === undefined) continue;
		if (typeof value === 'string') {
			out.push(`${key}: ${yamlScalar(value)}`);
		} else if (value.length === 0) {
			out.push(`${key}: []`);
		} else {
			out.push(`${key}:`);
			for (const v of value) out.push(`  - ${yamlScalar(v)}`);
		}
	}
	out.push('---');
	return out.join('\n') + '\n';
}

/** A string as YAML that reads back as the same string (plain when safe, else quoted). */
export function yamlScalar(value: string): string {
	return emitScalar(value);
}

/** `**Name**: value` lines, each but the last ending in a two-space hard break. */
export function formatHeaderLines(fields: readonly (readonly [string, string | undefined | null])[]): string {
	const present = fields.filter((f): f is readonly [string, string] => typeof f[1] === 'string');
	return present.map(([name, value], i) => `**${name}**: ${value}${i < present.length - 1 ? '  ' : ''}`).join('\n') + '\n';
}

/** `## Heading` sections in order, each followed by its body (if any) and a blank line between sections. */
export function formatSections(sections: readonly (readonly [string, string | undefined])[]): string {
	return sections
		.map(([heading, body]) => {
			const b = body?.replace(/\s+$/, '') ?? '';
			return b === '' ? `## ${heading}\n` : `## ${heading}\n${b}\n`;
		})
		.join('\n');
}
