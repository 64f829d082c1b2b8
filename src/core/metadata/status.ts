/** A spec's status, as written canonically. */
export type SpecStatus = 'planning' | 'implementing' | 'completed' | 'blocked';
export const SPEC_STATUSES: readonly SpecStatus[] = ['planning', 'implementing', 'completed', 'blocked'];

/** A session's status line (`**Status**: active` under `### Session N`). */
export type SessionStatus = 'active' | 'completed' | 'partial' | 'blocked';
export const SESSION_STATUSES: readonly SessionStatus[] = ['active', 'completed', 'partial', 'blocked'];

/** A status as read: `status` is null when the words are not in the vocabulary; `raw` is always as written. */
export interface StatusReading<S extends string> {
	status: S | null;
	raw: string;
}

const SPEC_WORDS: Record<SpecStatus, string[]> = {
	planning: [
		'planning',
		'planned',
		'plan',
		'draft',
		'drafting',
		'reviewing',
		'review',
		'in review',
		'under review',
		'approved',
		'proposed',
		'todo',
		'to do',
		'not started',
		'backlog',
		'pending',
		'ready',
		'new',
	],
	implementing: ['implementing', 'implementation', 'in progress', 'inprogress', 'active', 'testing', 'started', 'wip', 'doing', 'ongoing', 'in development', 'developing'],
	completed: ['completed', 'complete', 'done', 'finished', 'closed', 'resolved', 'implemented', 'shipped', 'delivered', 'merged'],
	blocked: ['blocked', 'on hold', 'onhold', 'hold', 'stuck', 'paused', 'waiting'],
};

const SESSION_WORDS: Record<SessionStatus, string[]> = {
	active: ['active', 'in progress', 'inprogress', 'ongoing', 'started', 'running', 'wip', 'open'],
	completed: ['completed', 'complete', 'done', 'finished', 'closed', 'ended'],
	partial: ['partial', 'partially', 'partly', 'partially complete', 'partially completed', 'partly done', 'incomplete', 'interrupted', 'paused'],
	blocked: ['blocked', 'stuck', 'on hold', 'onhold'],
};

// The reference layout's plan markers, used when the words say nothing we know (`✅`, `✅ Shipped it`).
const SPEC_EMOJI: [string, SpecStatus][] = [
	['✅', 'completed'],
	['☑', 'completed'],
	['✔', 'completed'],
	['🔄', 'implementing'],
	['🚧', 'implementing'],
	['⏳', 'planning'],
	['📝', 'planning'],
	['❌', 'blocked'],
	['⛔', 'blocked'],
	['🛑', 'blocked'],
];
const SESSION_EMOJI: [string, SessionStatus][] = [
	['✅', 'completed'],
	['☑', 'completed'],
	['✔', 'completed'],
	['🔄', 'active'],
	['🚧', 'active'],
	['⚠', 'partial'],
	['❌', 'blocked'],
	['⛔', 'blocked'],
	['🛑', 'blocked'],
];

function lookup<S extends string>(words: Record<S, string[]>): Map<string, S> {
	const map = new Map<string, S>();
	for (const status of Object.keys(words) as S[]) for (const w of words[status]) map.set(w, status);
	return map;
}

const SPEC_LOOKUP = lookup(SPEC_WORDS);
const SESSION_LOOKUP = lookup(SESSION_WORDS);

/**
 * `✅ Completed`, `**In-Progress**`, `in_progress (50%)`, `Done - merged` → lower-case words
 * separated by single spaces: decorations, emoji and punctuation dropped.
 */
export function statusWords(raw: string): string {
	return raw
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function classify<S extends string>(raw: string | null | undefined, words: Map<string, S>, emoji: [string, S][]): StatusReading<S> {
	const written = (raw ?? '').trim();
	const parts = statusWords(written).split(' ');
	// The longest leading run of words we know: `completed 2025 08 27` → completed, `not started` → planning.
	for (let n = parts.length; n > 0; n--) {
		const status = words.get(parts.slice(0, n).join(' '));
		if (status) return { status, raw: written };
	}
	const marker = emoji.find(([mark]) => written.includes(mark));
	return { status: marker ? marker[1] : null, raw: written };
}

export function normalizeStatus(raw: string | null | undefined): StatusReading<SpecStatus> {
	return classify(raw, SPEC_LOOKUP, SPEC_EMOJI);
}

export function normalizeSessionStatus(raw: string | null | undefined): StatusReading<SessionStatus> {
	return classify(raw, SESSION_LOOKUP, SESSION_EMOJI);
}
