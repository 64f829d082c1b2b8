import { parseHeading, parseListItem, scanLines, type ScannedLine } from './lines';
import type { Session } from './read-session';

/** A commit listed in a journal: under a session's Commits subsection, or a loose Commits heading. */
export interface Commit {
	hash: string;
	message: string;
	lineStart: number;
	lineEnd: number;
}

const COMMIT_FORMS: RegExp[] = [
	// `hash`: message, `hash` - message, `hash` message
	/^`([^`\s]{4,64})`[ \t]*(?:[:\-–—][ \t]*)?(.*)$/,
	// [hash](url): message
	/^\[`?([0-9A-Za-z]{4,64})`?\]\([^)]*\)[ \t]*(?:[:\-–—][ \t]*)?(.*)$/,
	// hash: message, hash - message
	/^([0-9A-Za-z]{4,64})[ \t]*(?::|[ \t][-–—])[ \t]*(.+)$/,
	// hash message, or a hash alone (as `git log --oneline` prints them)
	/^([0-9a-f]{7,40})(?:[ \t]+(.+))?$/i,
];

/** A commit item (`` `a1b2c3d`: message ``, `a1b2c3d: message`, `` `a1b2c3d` - message ``, `a1b2c3d message`), or null. */
export function parseCommitItem(content: string): { hash: string; message: string } | null {
	const s = content.trim();
	for (let f = 0; f < COMMIT_FORMS.length; f++) {
		const m = COMMIT_FORMS[f].exec(s);
		if (!m) continue;
		// A bare word is a hash only when it looks like one: hex, or letters mixed with digits.
		if (f === 2 && !/^[0-9a-f]+$/i.test(m[1]) && !/\d/.test(m[1])) continue;
		// Without a separator the word must hold a digit: `deadbeef is a word` is prose.
		if (f === 3 && !/\d/.test(m[1])) continue;
		return { hash: m[1], message: unquote((m[2] ?? '').trim()) };
	}
	return null;
}

function unquote(s: string): string {
	const m = /^"(.*)"$/.exec(s) ?? /^“(.*)”$/.exec(s);
	return m ? m[1] : s;
}

export function readCommits(lines: ScannedLine[]): Commit[] {
	const commits: Commit[] = [];
	for (const line of lines) {
		const item = parseListItem(line.text);
		if (!item) continue;
		const c = parseCommitItem(item.content);
		if (c) commits.push({ ...c, lineStart: line.start, lineEnd: line.start + line.text.length });
	}
	return commits;
}

const COMMITS_HEADING = /^(?:git\s+)?commits?(?:\s+(?:log|history|list|made))?$/i;

/**
 * Commits listed under a `## Commits` (or `### Commits`, `Commit History`…) heading that belongs
 * to no session: the list a journal kept without sessions has. The sessions given are the file's,
 * so a session's own Commits subsection is left to it.
 */
export function parseLooseCommits(text: string, sessions: readonly Session[]): Commit[] {
	const commits: Commit[] = [];
	let listLevel = 0;
	for (const line of scanLines(text)) {
		if (line.inFence) continue;
		const h = parseHeading(line.text);
		if (h) {
			if (listLevel > 0 && h.level > listLevel) continue;
			const title = h.text.replace(/^[^\p{L}]+/u, '').replace(/[:\s]+$/, '');
			listLevel = COMMITS_HEADING.test(title) && !sessions.some((s) => s.headingStart <= line.start && line.start < s.end) ? h.level : 0;
			continue;
		}
		if (listLevel > 0) commits.push(...readCommits([line]));
	}
	return commits;
}

/** Canonical commit line: ``- `a1b2c3d`: message``. */
export function formatCommit(hash: string, message: string): string {
	return `- \`${hash.trim()}\`: ${message.trim()}`;
}
