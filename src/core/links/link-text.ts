import { basename } from '../files/paths';
import { parseLinks } from './link-parser';

/**
 * The text a reader sees for a line holding links: each link replaced by its alias (a markdown
 * link's label), else its file name without `.md`. External markdown links keep their label too.
 */
export function linksToText(s: string): string {
	let out = '';
	let at = 0;
	for (const link of parseLinks(s, { includeFrontmatter: true, includeExternal: true })) {
		// `[![alt](img.png)](doc.md)`: the inner link lies inside the outer one, already replaced.
		if (link.start < at) continue;
		out += s.slice(at, link.start) + shownText(link.alias, link.target, link.subpath);
		at = link.end;
	}
	return out + s.slice(at);
}

function shownText(alias: string | null, target: string, subpath: string): string {
	const shown = alias?.trim();
	if (shown) return shown;
	const name = basename(target).replace(/\.md$/i, '');
	return name || (target + subpath).trim();
}

/** A line's plain text: links as linksToText shows them, bold markers dropped, whitespace collapsed. */
export function plainText(s: string): string {
	return linksToText(s)
		.replace(/\*\*|__/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}
