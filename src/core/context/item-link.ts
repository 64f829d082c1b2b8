/**
 * Just enough link reading for list items of the context file (`[[target|alias]]`,
 * `[alias](target)`). Deliberately small and private to this folder: the full link parser
 * lives in src/core/links and will replace this.
 */

export interface ItemLink {
	kind: 'wikilink' | 'markdown';
	/** The link target as written (`deliverables/scripts/setup.sh`, `../epic`, `x%20y.md`). */
	target: string;
	/** The display text, or null for `[[target]]`. */
	alias: string | null;
	/** Offsets of the whole link syntax within the string given. */
	start: number;
	end: number;
}

const WIKI = /^!?\[\[([^\]|\n]*?)(?:\|([^\]\n]*))?\]\]/;
const MD = /^!?\[([^\]\n]*)\]\(\s*(<[^>\n]*>|[^\s)]*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/;

/** The link that starts at `at` in `s`, or null. */
export function readLinkAt(s: string, at = 0): ItemLink | null {
	const rest = s.slice(at);
	const wiki = WIKI.exec(rest);
	if (wiki) {
		return { kind: 'wikilink', target: wiki[1].trim(), alias: wiki[2] === undefined ? null : wiki[2].trim(), start: at, end: at + wiki[0].length };
	}
	const md = MD.exec(rest);
	if (md) {
		const raw = md[2];
		const target = raw.startsWith('<') ? raw.slice(1, -1) : raw;
		return { kind: 'markdown', target, alias: md[1].trim(), start: at, end: at + md[0].length };
	}
	return null;
}

/** Replaces each link with the text a reader sees: its alias, or the target's file name. */
export function linksToText(s: string): string {
	return s
		.replace(/!?\[\[([^\]|\n]*?)(?:\|([^\]\n]*))?\]\]/g, (_m, target: string, alias: string | undefined) => alias?.trim() || baseName(target))
		.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, (_m, label: string) => label);
}

function baseName(target: string): string {
	const path = target.split('#')[0].trim();
	const name = path.slice(path.lastIndexOf('/') + 1);
	return name.replace(/\.md$/i, '') || target.trim();
}
