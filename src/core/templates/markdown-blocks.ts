/**
 * Small writers shared by the templates: YAML frontmatter with safely quoted scalars, and the
 * seed's visible header lines (`**Status**: planning` with a two-space hard break on all but the last).
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

// Control characters, line breaks and non-characters are never left plain.
const PLAIN_SAFE = /^[\p{L}\p{N}_][^\p{Cc}\u2028\u2029\uFEFF\uFFFE\uFFFF]*$/u;
// Scalars YAML 1.1 or 1.2 would read as something other than a string: booleans, null, numbers
// in any base (including sexagesimal `1:30`), and timestamps with seconds.
const YAML_SPECIAL = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?|0x[\da-f_]+|0o?[0-7_]+|0b[01_]+|\.inf|\.nan)$/i;
const DATE_LIKE = /^\d{4}-\d\d?-\d\d?(?:$|[Tt \t])/;
const LOCAL_MINUTES = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/**
 * A string as YAML that reads back as the same string: plain when safe, else double-quoted.
 * Numbers (`1014`), booleans, and anything with `: `, ` #`, or a leading indicator (`[[…]]`) are quoted.
 * A `YYYY-MM-DD HH:MM` time stays plain: without seconds it is not a YAML timestamp.
 */
export function yamlScalar(value: string): string {
	const plain = PLAIN_SAFE.test(value)
		&& !YAML_SPECIAL.test(value)
		&& (!DATE_LIKE.test(value) || LOCAL_MINUTES.test(value))
		&& !/:(?:\s|$)|\s#|\s$|[\t"'`{}[\]]/.test(value);
	// JSON's escapes are valid YAML; the few line breaks JSON leaves raw are escaped too.
	return plain ? value : JSON.stringify(value).replace(/[\p{Cc}\u2028\u2029\uFEFF\uFFFE\uFFFF]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
