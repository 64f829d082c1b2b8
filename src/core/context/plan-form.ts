import { detectEol } from '../markdown/eol';
import { isBlankLine, lineAt } from '../markdown/text-edit';
import { formatPlanTask, type PlanTask } from './plan-task';

/**
 * New pending tasks written in the form of the list they join, so a plan keeps one look: after
 * `7. ⏳ Final validation` comes `8. ⏳ …`, after `- ⏳ …` another `- ⏳ …`, after a bare `⏳ …`
 * a bare one, after `- [x] …` a `- [ ] …` (in that item's indentation and bullet). Checkboxes only
 * join a checkbox list; a list without tasks gets the canonical `- [ ] …`.
 */

/** The reference layout's mark for a task not started. */
const PENDING_EMOJI = '⏳';

/** The line of each item (no line end), shaped like `last`; `formatPlanTask`'s when there is no task to copy. */
export function taskLinesLike(text: string, last: PlanTask | null, items: readonly string[]): string[] {
	if (last === null) return items.map((t) => formatPlanTask(t));
	const prefix = text.slice(last.lineStart, last.markerStart);
	const gap = /^[ \t]*/.exec(text.slice(last.markerEnd, last.lineEnd))?.[0] || ' ';
	const mark = last.form === 'emoji' ? PENDING_EMOJI : '[ ]';
	const ordered = /^([ \t]*)(\d{1,9})([.)])([ \t]+)$/.exec(prefix);
	return items.map((item, i) => {
		const lead = ordered ? `${ordered[1]}${Number(ordered[2]) + i + 1}${ordered[3]}${ordered[4]}` : prefix;
		return `${lead}${mark}${gap}${item.trim()}`;
	});
}

/** Just past the task's block: its own line, then the non-blank lines indented deeper than it (sub-steps, wrapped text). */
export function taskBlockEnd(text: string, task: PlanTask): number {
	let at = task.end;
	while (at < text.length) {
		const line = lineAt(text, at);
		if (isBlankLine(line.text) || /^[ \t]*/.exec(line.text)![0].length <= task.indent) break;
		at = line.end;
	}
	return at;
}

/** `text` with the items added as tasks right after `last`'s block, in its form and the text's line ends. */
export function insertTasksAfter(text: string, last: PlanTask, items: readonly string[]): string {
	if (items.length === 0) return text;
	const at = taskBlockEnd(text, last);
	const eol = detectEol(text);
	const lines = taskLinesLike(text, last, items)
		.map((l) => l + eol)
		.join('');
	const lineBreak = at === text.length && at > 0 && !text.endsWith('\n') ? eol : '';
	return text.slice(0, at) + lineBreak + lines + text.slice(at);
}

/** The task written last in the text (the one new tasks follow); null when there is none. */
export function lastTask(tasks: readonly PlanTask[]): PlanTask | null {
	let last: PlanTask | null = null;
	for (const t of tasks) if (last === null || t.lineStart > last.lineStart) last = t;
	return last;
}
