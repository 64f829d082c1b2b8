import type { TextEdit } from '../markdown/text-edit';
import { parseListItem, scanLines, columns, leadingWhitespace } from './lines';

/**
 * The plan in a context file's `## Plan` (and the `## Acceptance Criteria` checklists of specs):
 * checkbox items (`- [ ]`, `- [/]`, `- [x]`, `- [!]`, `- [-]`) and the reference layout's emoji-led items
 * (`1. ✅ Analyze …`, bare `✅ Network buffer optimization`).
 *
 * Only top-level items are tasks. An item nested under another item that is itself a task
 * (`- [x] Benchmark` / `  - [ ] run dd`) is a sub-item of that task: it is neither numbered nor
 * counted among the tasks, but gives the task its own progress (TaskProgress). Items nested under
 * a plain bullet (`- Phase 1` / `  - [ ] task`) are tasks, since the plain bullet is only a group
 * label.
 *
 * A task marked pending (`[ ]`, ⏳) whose work has begun — a sub-item done, or a figure above 0%
 * written after its text (`Documentation (50% complete)`) — is in progress: the reference layout marks a task
 * ⏳ until it is done and lists such a task under "In Progress". Its own mark alone makes it done.
 */

export type TaskState = 'pending' | 'in-progress' | 'done' | 'blocked' | 'cancelled';

export interface PlanTask {
	/** 1-based position among the tasks of the parsed range. */
	number: number;
	/** Text after the marker, trimmed, kept as written (e.g. `Documentation (50% complete)`). */
	text: string;
	state: TaskState;
	form: 'checkbox' | 'emoji';
	/** Offset where the task's line starts. */
	lineStart: number;
	/** Offset where the line's content ends (before its "\n" or "\r\n"). */
	lineEnd: number;
	/** Offset just past the line's end of line (the next line's start). */
	end: number;
	/** The marker: `[x]` for checkboxes, the emoji (with any U+FE0F) for emoji items. */
	markerStart: number;
	markerEnd: number;
	/** Indentation of the item in columns. */
	indent: number;
	/** The task's own progress, from its sub-items or a figure written after its text; null when unknown. */
	progress: TaskProgress | null;
}

/** How far one task is: its sub-items done (cancelled ones do not count), or the figure its text carries. */
export interface TaskProgress {
	percent: number;
	/** Sub-items done and counted; null when the figure is the one written in the text. */
	done: number | null;
	total: number | null;
	from: 'sub-items' | 'text';
}

/** A task as the briefs show it: its number, text and state. */
export interface TaskRef {
	number: number;
	text: string;
	state: TaskState;
}

export function taskRef(t: PlanTask): TaskRef {
	return { number: t.number, text: t.text, state: t.state };
}

/** Where work continues: the first task in progress, else the first pending one; null when neither. */
export function nextTaskOf<T extends TaskRef>(tasks: readonly T[]): T | null {
	return tasks.find((t) => t.state === 'in-progress') ?? tasks.find((t) => t.state === 'pending') ?? null;
}

const CHECKBOX = /^\[(.)\](?=[ \t]|$)/;
const EMOJI = /^(✅|🔄|🚧|⏳|❌)\uFE0F?/u;

const STATE_BY_CHAR: Record<string, TaskState> = {
	' ': 'pending',
	'/': 'in-progress',
	x: 'done',
	X: 'done',
	'!': 'blocked',
	'-': 'cancelled',
};

const STATE_BY_EMOJI: Record<string, TaskState> = {
	'✅': 'done',
	'🔄': 'in-progress',
	'🚧': 'in-progress',
	'⏳': 'pending',
	'❌': 'blocked',
};

export const CHECKBOX_CHAR: Record<TaskState, string> = {
	pending: ' ',
	'in-progress': '/',
	done: 'x',
	blocked: '!',
	cancelled: '-',
};

const EMOJI_FOR: Record<Exclude<TaskState, 'cancelled'>, string> = {
	pending: '⏳',
	'in-progress': '🔄',
	done: '✅',
	blocked: '❌',
};

interface Candidate {
	indent: number;
	task: Omit<PlanTask, 'number' | 'progress'> | null;
}

/** Tasks of [from, to), in order, numbered from 1. Lines inside fenced code are skipped. */
export function parsePlanTasks(text: string, from = 0, to = text.length): PlanTask[] {
	const tasks: Omit<PlanTask, 'progress'>[] = [];
	const steps: { done: number; total: number }[] = [];
	// Open list items above the current line, innermost last, each with the index of the task it
	// belongs to (itself, or the task it is nested under), to tell sub-items apart.
	const stack: { indent: number; owner: number | null }[] = [];
	for (const line of scanLines(text, from, to)) {
		if (line.inFence) continue;
		const item = readItem(line.text, line.start, line.end);
		if (!item) {
			// A non-indented, non-blank line (paragraph, heading) ends any list above it.
			if (line.text.trim() !== '' && !/^[ \t]/.test(line.text)) stack.length = 0;
			continue;
		}
		while (stack.length > 0 && stack[stack.length - 1].indent >= item.indent) stack.pop();
		const owner = stack.find((c) => c.owner !== null)?.owner ?? null;
		if (owner !== null) {
			if (item.task && item.task.state !== 'cancelled') {
				steps[owner].total++;
				if (item.task.state === 'done') steps[owner].done++;
			}
			stack.push({ indent: item.indent, owner });
		} else if (item.task) {
			stack.push({ indent: item.indent, owner: tasks.length });
			tasks.push({ number: tasks.length + 1, ...item.task });
			steps.push({ done: 0, total: 0 });
		} else {
			stack.push({ indent: item.indent, owner: null });
		}
	}
	return tasks.map((t, i) => withProgress(t, steps[i]));
}

/** `Documentation (50% complete)`, `(50%)`, `(50% done)`: a figure written at the end of a task's text. */
const WRITTEN_PERCENT = /\(\s*(\d{1,3})\s*%(?:\s*(?:complete|completed|done))?\s*\)$/i;

function withProgress(task: Omit<PlanTask, 'progress'>, steps: { done: number; total: number }): PlanTask {
	let own: TaskProgress | null = null;
	let begun = false;
	if (steps.total > 0) {
		own = { percent: percentOf(steps.done, steps.total), done: steps.done, total: steps.total, from: 'sub-items' };
		begun = steps.done > 0;
	} else {
		const written = WRITTEN_PERCENT.exec(task.text);
		const percent = written ? Number(written[1]) : NaN;
		if (percent <= 100) {
			own = { percent, done: null, total: null, from: 'text' };
			begun = percent > 0;
		}
	}
	// Only a task marked pending is moved: its mark says "not done", its sub-items say "begun".
	const state = task.state === 'pending' && begun ? 'in-progress' : task.state;
	return { ...task, state, progress: own };
}

/**
 * `(50% complete)`, the figure the status view shows after a task in progress; null when its
 * progress is unknown or its text already ends with a figure (shown as written).
 */
export function taskProgressNote(task: Pick<PlanTask, 'text' | 'progress'>): string | null {
	if (task.progress === null || WRITTEN_PERCENT.test(task.text)) return null;
	return `(${task.progress.percent}% complete)`;
}

/** `Documentation (50% complete)`, or the text alone when its progress is unknown or already written in it. */
export function textWithProgress(task: Pick<PlanTask, 'text' | 'progress'>): string {
	const note = taskProgressNote(task);
	return note === null ? task.text : `${task.text} ${note}`;
}

/** done / total rounded to the nearest integer; 0 when there is nothing to count. */
export function percentOf(done: number, total: number): number {
	return total === 0 ? 0 : Math.round((done * 100) / total);
}

/** Acceptance criteria are the same checklist: a met criterion is a `done` item. */
export const parseChecklist = parsePlanTasks;

function readItem(line: string, lineStart: number, end: number): Candidate | null {
	const lineEnd = lineStart + line.length;
	const list = parseListItem(line);
	if (list) {
		const body = list.content;
		const box = CHECKBOX.exec(body);
		const at = lineStart + list.contentAt;
		if (box) {
			const state = STATE_BY_CHAR[box[1]] ?? 'pending';
			return {
				indent: list.indent,
				task: { text: body.slice(3).trim(), state, form: 'checkbox', lineStart, lineEnd, end, markerStart: at, markerEnd: at + 3, indent: list.indent },
			};
		}
		const emoji = EMOJI.exec(body);
		if (emoji) {
			return {
				indent: list.indent,
				task: {
					text: body.slice(emoji[0].length).trim(),
					state: STATE_BY_EMOJI[emoji[1]],
					form: 'emoji',
					lineStart,
					lineEnd,
					end,
					markerStart: at,
					markerEnd: at + emoji[0].length,
					indent: list.indent,
				},
			};
		}
		return { indent: list.indent, task: null };
	}
	// The reference layout also writes bare emoji lines: `✅ Network buffer optimization`.
	const ws = leadingWhitespace(line);
	const emoji = EMOJI.exec(line.slice(ws.length));
	if (!emoji) return null;
	const indent = columns(ws);
	const at = lineStart + ws.length;
	return {
		indent,
		task: {
			text: line.slice(ws.length + emoji[0].length).trim(),
			state: STATE_BY_EMOJI[emoji[1]],
			form: 'emoji',
			lineStart,
			lineEnd,
			end,
			markerStart: at,
			markerEnd: at + emoji[0].length,
			indent,
		},
	};
}

/**
 * The edit that gives `task` the new state, touching only its marker. A checkbox gets the new
 * character (a done `[X]` stays `[X]`). An emoji item gets the state's emoji (🚧 stays 🚧 for
 * in progress); cancelled has no emoji in the reference layout's set, so that one item becomes a cancelled
 * checkbox in place: `3. ⏳ Docs` → `3. [-] Docs`, bare `⏳ Docs` → `- [-] Docs`.
 */
export function setTaskStateEdit(text: string, task: PlanTask, state: TaskState): TextEdit {
	const current = text.slice(task.markerStart, task.markerEnd);
	const start = task.markerStart;
	const end = task.markerEnd;
	if (task.form === 'checkbox') {
		// An unknown status character (`[>]`, read as pending) is replaced even when the state matches.
		const keep = STATE_BY_CHAR[current[1]] === state;
		return { start, end, text: keep ? current : `[${CHECKBOX_CHAR[state]}]` };
	}
	if (task.state === state) return { start, end, text: current };
	if (state === 'cancelled') {
		const bare = parseListItem(text.slice(task.lineStart, task.lineEnd)) === null;
		const spaced = /[ \t]/.test(text[end] ?? '') || end === task.lineEnd ? '' : ' ';
		return { start, end, text: `${bare ? '- ' : ''}[-]${spaced}` };
	}
	return { start, end, text: EMOJI_FOR[state] };
}

/** Canonical plan line: a checkbox, tappable on mobile and Tasks-compatible. */
export function formatPlanTask(text: string, state: TaskState = 'pending'): string {
	return `- [${CHECKBOX_CHAR[state]}] ${text.trim()}`;
}

export type TaskLookup<T extends PlanTask = PlanTask> = { kind: 'found'; task: T } | { kind: 'ambiguous'; matches: T[]; message: string } | { kind: 'not-found'; message: string };

/**
 * A task by its number (`4`, `#4`) or its text: case-insensitive exact match first, then a
 * unique substring. Several matches give `ambiguous`, naming them so the user can pick.
 */
export function findTask<T extends PlanTask>(tasks: readonly T[], query: string): TaskLookup<T> {
	const q = normalize(query);
	if (q === '') return { kind: 'not-found', message: 'No task given: name a task by its number or text.' };
	const num = /^#?(\d+)$/.exec(q);
	if (num) {
		const task = tasks.find((t) => t.number === Number(num[1]));
		if (task) return { kind: 'found', task };
		return { kind: 'not-found', message: `No task ${num[1]}: the plan has ${tasks.length} task${tasks.length === 1 ? '' : 's'}.` };
	}
	const exact = tasks.filter((t) => normalize(t.text) === q);
	if (exact.length === 1) return { kind: 'found', task: exact[0] };
	const matches = exact.length > 1 ? exact : tasks.filter((t) => normalize(t.text).includes(q));
	if (matches.length === 1) return { kind: 'found', task: matches[0] };
	if (matches.length === 0) return { kind: 'not-found', message: `No task matches "${query.trim()}".` };
	const list = matches.map((t) => `${t.number}. ${t.text}`).join('; ');
	return { kind: 'ambiguous', matches, message: `"${query.trim()}" matches ${matches.length} tasks: ${list}. Give the task number.` };
}

function normalize(s: string): string {
	return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface Progress {
	done: number;
	/** Tasks that count: all but cancelled ones. */
	total: number;
	/** done / total, rounded to the nearest integer; 0 for an empty plan. */
	percent: number;
	pending: number;
	inProgress: number;
	blocked: number;
	cancelled: number;
}

export function progress(tasks: readonly PlanTask[]): Progress {
	const count = (s: TaskState) => tasks.filter((t) => t.state === s).length;
	const done = count('done');
	const cancelled = count('cancelled');
	const total = tasks.length - cancelled;
	return {
		done,
		total,
		percent: percentOf(done, total),
		pending: count('pending'),
		inProgress: count('in-progress'),
		blocked: count('blocked'),
		cancelled,
	};
}
