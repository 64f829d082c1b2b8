import { plainText } from '../links/link-text';
import { parseHeading, parseListItem, scanLines, type ScannedLine } from './lines';
import { lastActivity, type Session, type SessionEntry } from './session';

/**
 * What the resume brief says of a session and of the work last done, read from the journal's own
 * words: a session's summary, else what its Implementation made, else its title.
 */

export type SessionGistSource = 'summary' | 'implementation' | 'title';

export interface SessionGist {
	/** Plain text: links read as their labels, one line. */
	text: string;
	from: SessionGistSource;
}

/** Implementation entries are listed until the line would pass this many characters. */
const GIST_BUDGET = 100;

/**
 * A session in one line: its summary (a `#### Summary` subsection, which `finish --summary`
 * writes, else a `**Summary**:` header field) in full; else its Implementation entries, each cut
 * to its first clause, as many as fit in GIST_BUDGET characters (`; …` when some are left out);
 * else its title. Null when it has none of these.
 */
export function sessionGist(text: string, session: Session): SessionGist | null {
	const summary = writtenSummary(text, session);
	if (summary) return { text: summary, from: 'summary' };
	const made = implementationBlocks(text, session)
		.map(firstClause)
		.filter((s) => s !== '');
	if (made.length > 0) return { text: fitted(made), from: 'implementation' };
	return session.title ? { text: session.title, from: 'title' } : null;
}

/**
 * The last thing made: the last `Created …` Implementation entry of the latest session that has
 * one (what add-deliverable writes, and how people log a new file), else the last Implementation
 * entry, else the last item written (lastActivity). Entries are cut to their first clause:
 * `Created [[x.sh|Health Monitoring Script]]; first version…` reads `Created Health Monitoring Script`.
 */
export function lastMade(text: string, sessions: readonly Session[]): string | null {
	let lastEntry: string | null = null;
	for (let s = sessions.length - 1; s >= 0; s--) {
		const blocks = implementationBlocks(text, sessions[s])
			.map(firstClause)
			.filter((b) => b !== '');
		const created = blocks.filter((b) => /^created\b/i.test(b));
		if (created.length > 0) return created[created.length - 1];
		if (lastEntry === null && blocks.length > 0) lastEntry = blocks[blocks.length - 1];
	}
	return lastEntry ?? lastActivity(sessions);
}

function writtenSummary(text: string, session: Session): string | null {
	const blocks = session.entries.filter(isSummary).flatMap((e) => blocksOf(scanLines(text, e.start, e.end)).map((b) => b.text));
	const joined = joinSentences(blocks.map(plainText).filter((b) => b !== ''));
	if (joined !== '') return joined;
	const field = session.fields.summary ? plainText(session.fields.summary.value) : '';
	return field !== '' ? field : null;
}

function isSummary(entry: SessionEntry): boolean {
	return entry.section === 'summary' || entry.section === 'session-summary';
}

/** The top-level items of the session's Implementation subsections (its paragraphs when it has no list). */
function implementationBlocks(text: string, session: Session): string[] {
	const out: string[] = [];
	for (const entry of session.entries) {
		if (entry.section !== 'implementation') continue;
		const blocks = blocksOf(scanLines(text, entry.start, entry.end));
		const items = blocks.filter((b) => b.item);
		let top = Infinity;
		for (const b of items) top = Math.min(top, b.indent);
		out.push(...(items.length > 0 ? items.filter((b) => b.indent === top) : blocks).map((b) => b.text));
	}
	return out;
}

interface Block {
	text: string;
	item: boolean;
	indent: number;
}

/**
 * Paragraphs and list items with their continuation lines. A blank line, a list item, a heading
 * or fenced code ends one: code (`[[ -d x ]]` in a bash block) is never read as words or links.
 */
function blocksOf(lines: readonly ScannedLine[]): Block[] {
	const blocks: Block[] = [];
	let current: Block | null = null;
	for (const line of lines) {
		const code = line.inFence || /^\s*(```|~~~)/.test(line.text);
		if (code || line.text.trim() === '' || parseHeading(line.text)) {
			current = null;
			continue;
		}
		const item = parseListItem(line.text);
		if (item) {
			current = { text: item.content.trim(), item: true, indent: item.indent };
			blocks.push(current);
		} else if (current) {
			current.text += ' ' + line.text.trim();
		} else {
			current = { text: line.text.trim(), item: false, indent: 0 };
			blocks.push(current);
		}
	}
	return blocks;
}

/**
 * An entry's plain text up to its first `; `, `: ` or sentence end outside inline code, the
 * trailing colon dropped: what was done, without the details that follow.
 */
function firstClause(entry: string): string {
	const plain = plainText(entry);
	let inCode = false;
	let end = plain.length;
	for (let i = 0; i < plain.length; i++) {
		const c = plain[i];
		if (c === '`') inCode = !inCode;
		else if (!inCode && (c === ';' || c === ':' || c === '.') && plain[i + 1] === ' ') {
			end = i;
			break;
		}
	}
	return plain
		.slice(0, end)
		.replace(/[;:,]+$/, '')
		.trim();
}

/** Entries joined with `; `, as many as fit the budget; the first always (cut at a word when too long). */
function fitted(entries: string[]): string {
	let out = cut(entries[0], GIST_BUDGET);
	if (out !== entries[0]) return out;
	let k = 1;
	for (; k < entries.length && out.length + 2 + entries[k].length <= GIST_BUDGET; k++) out += `; ${entries[k]}`;
	return k < entries.length ? `${out}; …` : out;
}

function cut(s: string, max: number): string {
	if (s.length <= max) return s;
	const space = s.lastIndexOf(' ', max - 1);
	return `${s.slice(0, space > 0 ? space : max - 1)}…`;
}

/** Summary paragraphs as one line: a sentence's own full stop separates it, else `; `. */
function joinSentences(blocks: string[]): string {
	return blocks.reduce((out, b) => (out === '' ? b : /[.!?]$/.test(out) ? `${out} ${b}` : `${out}; ${b}`), '');
}
