import { basename } from '../files/paths';
import { detectEol } from '../markdown/eol';
import { bodyStart } from '../markdown/frontmatter-bounds';
import { findSection, parseSections } from '../markdown/sections';
import { appendToSection } from '../markdown/section-edits';
import { applyEdits } from '../markdown/text-edit';
import { sessionBounds } from './session-bounds';
import { firstTitleHeading } from './spec-title';

const SESSION_HEADING = /^(#{2,3}[ \t]+session[ \t]+#?)(\d+)/i;

/** A context with a journal appended, and the numbers its sessions got there. */
export interface MergedJournal {
	text: string;
	sessions: number[];
}

/**
 * Appends a journal kept apart to a context file that already exists, as sessions of its
 * `## Implementation Timeline` (created at the end when missing): the journal's own sessions,
 * renumbered to follow the context's, or, when it has none, its whole body as one session dated
 * from its file name. Nothing of the journal is left out; its headings above session level are
 * pushed down so they stay inside the session. The note under it names the journal's old path,
 * as a link to `keptLink` (the kept original) when given, so a reader is one tap from it.
 */
export function appendJournal(contextText: string, journalText: string, journalPath: string, keptLink: string | null = null): MergedJournal {
	const eol = detectEol(contextText);
	const existing = sessionBounds(contextText);
	const first = existing.reduce((n, s) => Math.max(n, s.number), 0) + 1;
	let next = first;
	const sessions = sessionBounds(journalText);
	let block: string;
	if (sessions.length > 0) {
		block = journalText
			.slice(sessions[0].headingStart, sessions[sessions.length - 1].end)
			.split(/\r?\n/)
			.map((line) => {
				const m = SESSION_HEADING.exec(line);
				if (!m) return line;
				// Journal sessions join the context's at its level: `### Session N`.
				return `### ${m[1].replace(/^#+[ \t]+/, '')}${next++}${line.slice(m[0].length)}`;
			})
			.join('\n')
			.trimEnd();
	} else {
		const date = /\d{4}-\d{2}-\d{2}/.exec(basename(journalPath))?.[0] ?? '';
		const name = basename(journalPath).replace(/(\.context)?\.md$/i, '');
		const title = withoutDate(firstTitleHeading(journalText) ?? name, date, name);
		const body = journalText
			.slice(bodyStart(journalText))
			.split(/\r?\n/)
			.filter((line, i, all) => !(line.startsWith('# ') && all.findIndex((l) => l.startsWith('# ')) === i))
			.map((line) => (/^#{1,3}[ \t]/.test(line) ? `####${line.replace(/^#+/, '')}` : line))
			.join('\n')
			.trim();
		block = `### Session ${next++}: ${date === '' ? '' : `${date} - `}${title}\n\n${body}`;
	}
	const numbers = Array.from({ length: next - first }, (_, i) => first + i);
	const note = `*Merged from ${keptLink ?? `\`${journalPath}\``} during the migration to the new layout.*`;
	const lines = `\n${block}\n\n${note}\n`;
	const timeline = findSection(parseSections(contextText), ['Implementation Timeline']);
	if (timeline) return { text: applyEdits(contextText, [appendToSection(contextText, timeline, lines)]), sessions: numbers };
	const trailing = /(\r?\n)*$/.exec(contextText)?.[0] ?? '';
	const head = contextText.slice(0, contextText.length - trailing.length);
	return { text: `${head}${eol}${eol}## Implementation Timeline${eol}${lines.replace(/\n/g, eol)}`, sessions: numbers };
}

/**
 * `Tuning - 2025-08-22` → `Tuning`: the session heading shows the date once, before the title.
 * A title that is only the date takes the file's name without it (`2025-08-22-standup` →
 * `standup`), else "Merged journal": `2025-08-22 - 2025-08-22` says nothing.
 */
function withoutDate(title: string, date: string, name: string): string {
	if (date === '' || !title.includes(date)) return title;
	const rest = dropDate(title, date);
	if (rest !== '') return rest;
	return (name.includes(date) ? dropDate(name, date) : '') || 'Merged journal';
}

function dropDate(text: string, date: string): string {
	return text.replace(date, ' ').replace(/^[\s\-–—:,._]+|[\s\-–—:,._]+$/g, '').replace(/\s{2,}/g, ' ');
}
