import { parseDeliverables } from '../context/registry';
import { appendToOwnContent } from '../markdown/section-edits';
import { flattenSections, parseSections, sectionOwnContentEnd } from '../markdown/sections';
import { applyEdits, insertLineAt } from '../markdown/text-edit';
import { SPEC_SECTION_ORDER } from '../templates/spec-templates';
import { ensureNoteSection } from './note-sections';

/** Headings a parent may keep its children under (`## Features (3)`, `## User Stories`, `## Sub-tasks`). */
export const CHILD_LIST = /^(features?|tasks?|stories|user stories|sub-?tasks?|children|child specs|sub-?specs)\b/i;

/**
 * Adds `item` to the parent's `## Features` / `## Tasks` list (one whose heading starts so, else
 * any child list the parent keeps): after the list's last item (before any note written below
 * it), or at the end of the section's own text; the section is created at its place in the
 * the reference layout's order when missing. Used by new spec and by validate's fix for an unlisted child.
 */
export function addToChildList(text: string, path: string, list: 'Features' | 'Tasks', item: string): string {
	const order = SPEC_SECTION_ORDER[list === 'Features' ? 'epic' : 'feature'];
	const i = order.indexOf(list);
	const lists = flattenSections(parseSections(text)).filter((s) => CHILD_LIST.test(s.title));
	const preferred = lists.find((s) => s.title.toLowerCase().startsWith(list.toLowerCase())) ?? lists[0];
	const { text: out, section } = ensureNoteSection(text, path, {
		title: list,
		match: preferred ? (s) => s.headingStart === preferred.headingStart : list,
		// Features and Tasks follow the overview and any requirements, and precede the rest.
		after: [...order.slice(0, i), 'Goals', 'Requirements'],
		before: [...order.slice(i + 1), 'Dependencies', 'Out of Scope', 'Open Questions'],
	});
	const items = parseDeliverables(out, section.headingEnd, sectionOwnContentEnd(section)).entries;
	const last = items[items.length - 1];
	if (last) return insertLineAt(out, listItemEnd(out, last.lineStart, last.end), item);
	return applyEdits(out, [appendToOwnContent(out, section, item)]);
}

/**
 * Where a list item starting at `start` ends, at most at `limit`: its own line, the lines indented
 * under it and the text lines straight after it (a lazy continuation); not a paragraph, a code
 * block or a comment after a blank line or written flush left (a dataview block below the list).
 */
function listItemEnd(text: string, start: number, limit: number): number {
	let end = lineEndAt(text, start);
	let at = end;
	while (at < limit) {
		const next = lineEndAt(text, at);
		const line = text.slice(at, next).replace(/\r?\n$/, '');
		if (line.trim() === '') {
			// A blank line: the item goes on only if the next text is indented under it.
			let ahead = next;
			while (ahead < limit && text.slice(ahead, lineEndAt(text, ahead)).trim() === '') ahead = lineEndAt(text, ahead);
			if (ahead >= limit || !/^(?: {2,}|\t)\S/.test(text.slice(ahead, lineEndAt(text, ahead)))) break;
			at = ahead;
			continue;
		}
		const indented = /^(?: {2,}|\t)/.test(line);
		const startsBlock = /^\s{0,3}(?:[-*+]\s|\d+[.)]\s|#|```|~~~|%%|<!--|>|\|)/.test(line);
		if (!indented && startsBlock) break;
		end = next;
		at = next;
	}
	return Math.min(end, limit);
}

function lineEndAt(text: string, at: number): number {
	const nl = text.indexOf('\n', at);
	return nl < 0 ? text.length : nl + 1;
}
