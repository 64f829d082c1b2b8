import { findFencedBlocks } from '../markdown/code-ranges';
import { bodyStart } from '../markdown/frontmatter-bounds';

/**
 * The first `# ` heading of a note's body, outside fenced code and HTML comments: a banner such
 * as `<!-- # Generated, do not edit -->` or a `#` comment in a code block is not the title.
 */
export function firstTitleHeading(text: string): string | undefined {
	const start = bodyStart(text);
	const fences = findFencedBlocks(text, start);
	const heading = /^#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\r?$/gm;
	heading.lastIndex = start;
	let f = 0;
	for (let m = heading.exec(text); m; m = heading.exec(text)) {
		while (f < fences.length && fences[f][1] <= m.index) f++;
		if (f < fences.length && fences[f][0] <= m.index) continue;
		if (insideComment(text, start, m.index)) continue;
		if (m[1] !== '') return m[1];
	}
	return undefined;
}

/** Whether an HTML comment opened between `from` and `at` is still open at `at`. */
function insideComment(text: string, from: number, at: number): boolean {
	const open = text.lastIndexOf('<!--', at);
	if (open < from) return false;
	const close = text.indexOf('-->', open + 4);
	return close < 0 || close >= at;
}
