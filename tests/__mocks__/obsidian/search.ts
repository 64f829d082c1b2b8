import type { SearchResult } from 'obsidian';

/**
 * A simple fuzzy match: every non-space character of the query appears in order, case-insensitively.
 * Consecutive runs and early matches score higher (scores are ≤ 0, as Obsidian's are).
 */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
	const q = query.toLowerCase().replace(/\s+/g, '');
	return (text: string) => {
		if (q === '') return { score: 0, matches: [] };
		const t = text.toLowerCase();
		const matches: [number, number][] = [];
		let from = 0;
		let gaps = 0;
		for (const ch of q) {
			const at = t.indexOf(ch, from);
			if (at < 0) return null;
			const last = matches[matches.length - 1];
			if (last && last[1] === at) last[1] = at + 1;
			else {
				if (last) gaps += at - last[1];
				matches.push([at, at + 1]);
			}
			from = at + 1;
		}
		return { score: -(gaps + matches.length - 1 + matches[0][0] * 0.1), matches };
	};
}

/** Every space-separated word of the query occurs in the text, case-insensitively. */
export function prepareSimpleSearch(query: string): (text: string) => SearchResult | null {
	const words = query
		.toLowerCase()
		.split(/\s+/)
		.filter((w) => w !== '');
	return (text: string) => {
		const t = text.toLowerCase();
		const matches: [number, number][] = [];
		for (const w of words) {
			const at = t.indexOf(w);
			if (at < 0) return null;
			matches.push([at, at + w.length]);
		}
		return { score: 0, matches: matches.sort((a, b) => a[0] - b[0]) };
	};
}

export function sortSearchResults(results: { match: SearchResult }[]): void {
	results.sort((a, b) => b.match.score - a.match.score);
}
