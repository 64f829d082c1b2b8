/** A plan task's state (context/plan-task's TaskState, named here so metadata stays below context). */
type TaskState = 'pending' | 'in-progress' | 'done' | 'blocked' | 'cancelled';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { removeProperty, setProperty } from '../metadata/frontmatter';

/*
 * The review mark in a spec's properties (docs/formats.md, Review):
 *
 *     reviewed: 2025-08-29 14:05
 *     reviewed_by: Ana
 *     reviewed_tasks: ddip
 *
 * `reviewed_tasks` is the plan's task states at the review, one letter a task in plan order
 * (d done, i in progress, p pending, b blocked, c cancelled): what lets "tasks that moved" be told
 * from the files alone. The marks are read from the text, not through a YAML parser, so a file that
 * a sync merged into holding two `reviewed:` lines still reads (the later one counts).
 */

export interface ReviewMark {
	/** `YYYY-MM-DD HH:MM` (a date alone reads as its midnight), or null when never reviewed. */
	reviewed: string | null;
	by: string | null;
	/** The plan's states at the review, or null when not recorded. */
	tasks: (TaskState | null)[] | null;
}

/** The property holding the mark (the specs base's columns and formulas name it too). */
export const REVIEWED_PROPERTY = 'reviewed';

const LETTERS: Record<TaskState, string> = { done: 'd', 'in-progress': 'i', pending: 'p', blocked: 'b', cancelled: 'c' };
const STATES = new Map<string, TaskState>(Object.entries(LETTERS).map(([state, letter]) => [letter, state as TaskState]));

export function taskLetters(states: readonly TaskState[]): string {
	return states.map((s) => LETTERS[s]).join('');
}

/** Every top-level `key: value` line of the frontmatter with this key, values unquoted. */
function propertyLines(text: string, key: string): string[] {
	const bounds = findFrontmatter(text);
	if (!bounds) return [];
	const yaml = text.slice(bounds.yamlStart, bounds.yamlEnd);
	const out: string[] = [];
	const line = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*?)[ \\t]*(?:#.*)?$`, 'gim');
	for (let m = line.exec(yaml); m; m = line.exec(yaml)) out.push(m[1].replace(/^(["'])(.*)\1$/, '$2').trim());
	return out;
}

/** `2025-08-29 14:05`, `2025-08-29T14:05:00`, `2025-08-29` → `2025-08-29 14:05` / `2025-08-29 00:00`; null for anything else. */
export function normalStamp(value: string): string | null {
	const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(value.trim());
	if (!m) return null;
	return `${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}`;
}

/**
 * Whether a spec changed after it was last reviewed by its properties alone: its `updated` later
 * than its `reviewed` (the Spec tree's flag, where only the note's properties are at hand). Both
 * read as normalStamp reads them; a YAML date read as a `Date` counts by its UTC day and time, as
 * a YAML parser gives it. A spec never reviewed, or a date that cannot be read, is not flagged:
 * there is no review for it to have changed since.
 */
export function updatedSinceReview(updated: unknown, reviewed: unknown): boolean {
	const u = stampOf(updated);
	const r = stampOf(reviewed);
	return u !== null && r !== null && u > r;
}

function stampOf(value: unknown): string | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : normalStamp(value.toISOString());
	return typeof value === 'string' ? normalStamp(value) : null;
}

export function readReviewMark(text: string): ReviewMark {
	const stamps = propertyLines(text, REVIEWED_PROPERTY)
		.map(normalStamp)
		.filter((s): s is string => s !== null)
		.sort();
	const reviewed = stamps.length > 0 ? stamps[stamps.length - 1] : null;
	const by = propertyLines(text, 'reviewed_by').filter((v) => v !== '');
	const letters = propertyLines(text, 'reviewed_tasks')[0];
	return {
		reviewed,
		by: by.length > 0 ? by[by.length - 1] : null,
		tasks: letters === undefined ? null : [...letters].map((c) => STATES.get(c.toLowerCase()) ?? null),
	};
}

/**
 * The text with the mark set: `reviewed`, then `reviewed_by` (removed when `by` is empty) and
 * `reviewed_tasks`, each changing only its own line (added after the last property when missing).
 * Extra copies a merge left are removed first, so the file holds one mark again.
 */
export function writeReviewMark(text: string, stamp: string, by: string, tasks: string | null): string {
	let out = text;
	for (const key of ['reviewed', 'reviewed_by', 'reviewed_tasks']) {
		while (propertyLines(out, key).length > 1) out = removeProperty(out, key);
	}
	out = setProperty(out, 'reviewed', stamp);
	out = by.trim() === '' ? removeProperty(out, 'reviewed_by') : setProperty(out, 'reviewed_by', by.trim());
	if (tasks !== null && tasks !== '') out = setProperty(out, 'reviewed_tasks', tasks);
	return out;
}
