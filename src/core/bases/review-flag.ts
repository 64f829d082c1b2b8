/**
 * Whether a spec changed after it was last reviewed: its `updated` later than its `reviewed`.
 * Both are read as the workflow writes them (`2025-08-29`, `2025-08-29 10:00`, ISO with a `T`),
 * a date alone standing for its midnight. A spec never reviewed, or with a date that cannot be
 * read, is not flagged: there is no review for it to have changed since.
 */
export function changedSinceReview(updated: unknown, reviewed: unknown): boolean {
	const u = sortableTime(updated);
	const r = sortableTime(reviewed);
	return u !== null && r !== null && u > r;
}

const TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** `2025-08-29 10:00` → `2025-08-29 10:00:00`, comparable as text; null when it is no date. */
function sortableTime(value: unknown): string | null {
	const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : null;
	const m = text === null ? null : TIME.exec(text);
	if (!m) return null;
	return `${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}`;
}
