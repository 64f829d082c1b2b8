import { basename } from '../files/paths';
import { detectEol } from '../markdown/eol';
import { bodyStart } from '../markdown/frontmatter-bounds';
import { findSection, parseSections } from '../markdown/sections';
import { appendToSection } from '../markdown/section-edits';
import { applyEdits } from '../markdown/text-edit';
import { sessionBounds } from './session-bounds';
import { firstTitleHeading } from './spec-title';

const SESSION_HEADING = /^(#{2,3}[ \t]+session[ \t]+#?)(\d+)/i;

/**
 * Appends a journal kept apart to a context file that already exists, as sessions of its
 * `## Implementation Timeline` (created at the end when missing): the journal's own sessions,
 * renumbered to follow the context's, or, when it has none, its whole body as one session dated
 * from its file name. Nothing of the journal is left out; its headings above session level are
 * pushed down so they stay inside the session.
 */
export function appendJournal(contextText: string, journalText: string, journalPath: string): string {
	const eol = detectEol(contextText);
	const existing = sessionBounds(contextText);
	let next = existing.reduce((n, s) => Math.max(n, s.number), 0) + 1;
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
		const title = withoutDate(firstTitleHeading(journalText) ?? basename(journalPath).replace(/\.context\.md$/i, ''), date);
		const body = journalText
			.slice(bodyStart(journalText))
			.split(/\r?\n/)
			.filter((line, i, all) => !(line.startsWith('# ') && all.findIndex((l) => l.startsWith('# ')) === i))
			.map((line) => (/^#{1,3}[ \t]/.test(line) ? `####${line.replace(/^#+/, '')}` : line))
			.join('\n')
			.trim();
		block = `### Session ${next}: ${date === '' ? '' : `${date} - `}${title}\n\n${body}`;
	}
	const note = `*Merged from \`${journalPath}\` during the migration to the new layout.*`;
	const lines = `\n${block}\n\n${note}\n`;
	const timeline = findSection(parseSections(contextText), ['Implementation Timeline']);
	if (timeline) return applyEdits(contextText, [appendToSection(contextText, timeline, lines)]);
	const trailing = /(\r?\n)*$/.exec(contextText)?.[0] ?? '';
	const head = contextText.slice(0, contextText.length - trailing.length);
	return `${head}${eol}${eol}## Implementation Timeline${eol}${lines.replace(/\n/g, eol)}`;
}

/** `Tuning - 2025-08-22` → `Tuning`: the session heading shows the date once, before the title. */
function withoutDate(title: string, date: string): string {
	if (date === '' || !title.includes(date)) return title;
	const rest = title.replace(date, ' ').replace(/^[\s\-–—:,.]+|[\s\-–—:,.]+$/g, '').replace(/\s{2,}/g, ' ');
	return rest === '' ? title : rest;
}
