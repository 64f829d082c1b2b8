import { statusWords } from './status';

export type SpecType = 'epic' | 'feature' | 'task';
export const SPEC_TYPES: readonly SpecType[] = ['epic', 'feature', 'task'];

/**
 * Other trackers' words for the three levels. A PRD, initiative or theme describes a whole product
 * area (epic); a story or user story is a slice of it (feature); subtasks, bugs, spikes and chores
 * are single pieces of work (task).
 */
const TYPE_WORDS: Record<SpecType, string[]> = {
	epic: ['epic', 'prd', 'initiative', 'theme'],
	feature: ['feature', 'story', 'user story', 'capability'],
	task: ['task', 'subtask', 'sub task', 'bug', 'spike', 'chore', 'issue', 'fix', 'bugfix'],
};

const LOOKUP = new Map<string, SpecType>();
for (const type of SPEC_TYPES) for (const w of TYPE_WORDS[type]) LOOKUP.set(w, type);

/** `Epic`, `PRD`, `sub-task`, `User Story` → the level; anything else → null (keep the raw text). */
export function normalizeSpecType(raw: string | null | undefined): SpecType | null {
	return LOOKUP.get(statusWords(raw ?? '')) ?? null;
}
