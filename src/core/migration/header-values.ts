import { findFencedBlocks, isInRanges, type Range } from '../markdown/code-ranges';
import { bodyStart } from '../markdown/frontmatter-bounds';

/** A `**Name**: value` line anywhere in a note's body, as a header line or a bullet (`- **ID**: 1011`). */
export interface HeaderValue {
	/** Lower case, trimmed (`spec file`). */
	name: string;
	/** Without the trailing spaces; text.slice(start, end). */
	value: string;
	start: number;
	end: number;
}

// `**Name**: value`, `**Name:** value`, as a bullet too; the value runs to the line's end.
const FIELD_LINE = /^[ \t]{0,3}(?:[-*+][ \t]+)?\*\*([^*\n]+?)(?::\*\*|\*\*[ \t]*::?)[ \t]*([^\r\n]*)/gm;

/**
 * Every `**Name**: value` line of the body outside fenced code, in order. Unlike the header lines
 * the index reads (above the first `##`), these are looked for anywhere: journals written by hand
 * or by agents put `**ID**:` and `**Spec File**:` under headings and in bullets.
 */
export function headerValues(text: string): HeaderValue[] {
	if (!text.includes('**')) return [];
	const from = bodyStart(text);
	let fences: Range[] | null = null;
	const out: HeaderValue[] = [];
	FIELD_LINE.lastIndex = from;
	for (let m = FIELD_LINE.exec(text); m !== null; m = FIELD_LINE.exec(text)) {
		const value = m[2].replace(/[ \t]+$/, '');
		const start = m.index + m[0].length - m[2].length;
		// Fences are looked for only once a field is found: most notes have none.
		fences ??= findFencedBlocks(text, from);
		if (isInRanges(fences, m.index)) continue;
		out.push({ name: m[1].trim().toLowerCase(), value, start, end: start + value.length });
	}
	return out;
}
