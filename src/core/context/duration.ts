import { differenceInMinutes } from 'date-fns';

/**
 * Session durations, read tolerantly (`2.5 hours`, `1h 30m`, `~60 minutes (under estimate)`,
 * `In progress`) and written canonically (`45 minutes`, `1 hour`, `2.5 hours`).
 */

export interface ParsedDuration {
	/** Whole minutes, or null when the text names no duration. */
	minutes: number | null;
	/** The session is still running (`In progress`, `ongoing`). */
	inProgress: boolean;
}

const IN_PROGRESS = /^(?:in[ \t-]*progress|ongoing|active|running)\b/i;
// `(?![a-z])` rather than `\b` so that `1h30m` splits into `1h` and `30m`.
const PART = /(\d+(?:[.,]\d+)?|[.,]\d+)[ \t]*(hours|hour|hrs|hr|h|minutes|minute|mins|min|m)(?![a-z])/gi;
const CLOCK = /^(\d{1,3}):([0-5]\d)$/;

export function parseDuration(raw: string): ParsedDuration {
	// Parenthesised remarks are comments: `~60 minutes (under estimate)`.
	const text = raw
		.replace(/\([^)]*\)/g, ' ')
		.replace(/\*\*|__/g, '')
		.trim();
	if (IN_PROGRESS.test(text)) return { minutes: null, inProgress: true };
	const body = text.replace(/^(?:~|≈|about|approx\.?|approximately|ca\.?)[ \t]*/i, '');
	const clock = CLOCK.exec(body);
	if (clock) return { minutes: Number(clock[1]) * 60 + Number(clock[2]), inProgress: false };
	let total = 0;
	let found = false;
	for (const m of body.matchAll(PART)) {
		const value = Number(m[1].replace(',', '.'));
		if (!Number.isFinite(value)) continue;
		found = true;
		total += m[2].toLowerCase().startsWith('h') ? value * 60 : value;
	}
	return { minutes: found ? Math.round(total) : null, inProgress: false };
}

/** Canonical form: under an hour in minutes, otherwise hours with at most two decimals. */
export function formatDuration(minutes: number): string {
	const m = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
	if (m < 60) return m === 1 ? '1 minute' : `${m} minutes`;
	const hours = Number((m / 60).toFixed(2));
	return hours === 1 ? '1 hour' : `${hours} hours`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * `YYYY-MM-DD HH:MM` (or `T` between, optional seconds, or a bare date) as local wall time.
 * Null when the text is not such a date or names an impossible one (2025-02-30).
 */
export function parseLocalDateTime(raw: string): Date | null {
	const m = LOCAL_DATE_TIME.exec(raw.trim());
	if (!m) return null;
	const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
	const date = new Date(y, mo - 1, d, h, mi, s);
	const valid = date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d && date.getHours() === h && date.getMinutes() === mi;
	return valid ? date : null;
}

/**
 * Whole minutes from a `**Started**:` time to `now`; null when the start is not a readable date.
 * A start in the future (clock skew between machines) counts as 0 rather than a negative duration.
 */
export function minutesBetween(startedIso: string, now: Date): number | null {
	const start = parseLocalDateTime(startedIso);
	if (!start || Number.isNaN(now.getTime())) return null;
	return Math.max(0, differenceInMinutes(now, start));
}

/** `YYYY-MM-DD HH:MM` in local wall time, the form header lines and `**Started**:` use. */
export function formatLocalDateTime(date: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** `YYYY-MM-DD` in local wall time, the form session headings use. */
export function formatLocalDate(date: Date): string {
	return formatLocalDateTime(date).slice(0, 10);
}
