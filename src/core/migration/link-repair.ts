import { parseLinks } from '../links/link-parser';
import { applyEdits, type TextEdit } from '../markdown/text-edit';

/**
 * After Obsidian moved files and updated some links itself (or none, when automatic link updating
 * is off), the text to keep: Obsidian's own, with each link that does not resolve where the planned
 * text's link does replaced by the planned one (the core rewriter's). Links are paired in order;
 * when the two texts do not pair up (a journal appended, say), the planned text is used whole.
 */
export function repairLinks(current: string, planned: string, resolve: (target: string) => string | null): string {
	if (current === planned) return current;
	const now = parseLinks(current, { includeFrontmatter: true });
	const want = parseLinks(planned, { includeFrontmatter: true });
	if (now.length !== want.length) return planned;
	const edits: TextEdit[] = [];
	let lastEnd = 0;
	for (let i = 0; i < now.length; i++) {
		if (resolve(now[i].target) === resolve(want[i].target)) continue;
		// A link nested in another's text is repaired with its outer link.
		if (now[i].start < lastEnd) continue;
		edits.push({ start: now[i].start, end: now[i].end, text: want[i].raw });
		lastEnd = now[i].end;
	}
	const repaired = edits.length === 0 ? current : applyEdits(current, edits);
	// Anything but links differing means the texts are not the same note: trust the plan.
	return stripLinks(repaired) === stripLinks(planned) ? repaired : planned;
}

function stripLinks(text: string): string {
	let out = '';
	let at = 0;
	for (const l of parseLinks(text, { includeFrontmatter: true })) {
		if (l.start < at) continue;
		out += text.slice(at, l.start);
		at = l.end;
	}
	return out + text.slice(at);
}
