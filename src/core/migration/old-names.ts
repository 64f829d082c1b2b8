import { normalizeSpecType } from '../metadata/spec-type';
import type { SpecType } from '../metadata/spec-type';

/** What an old-layout name says: `1001-feature-storage` → id 1001, feature, slug storage. */
export interface OldName {
	id: string;
	type: SpecType;
	/** The words after the type, '' when none. */
	slug: string;
}

// The type words that old layouts put between the id and the slug (spec-type's synonyms, one word each).
const TYPE_WORD = 'epic|prd|initiative|theme|feature|story|capability|task|subtask|sub-task|bug|spike|chore|issue|fix|bugfix';
const OLD_NAME = new RegExp(`^([^.\\s]+?)-(${TYPE_WORD})(?:-(.*))?$`, 'i');

/**
 * `{id}-{type}-{slug}` (a folder name or a file stem without `.spec.md`), ids of any width
 * (`12000-epic-platform`, `2101-task-x`, `E01-F01-feature-y`); null for any other name.
 */
export function parseOldName(name: string): OldName | null {
	const m = OLD_NAME.exec(name);
	if (!m) return null;
	const type = normalizeSpecType(m[2]);
	if (type === null || m[1].trim() === '') return null;
	return { id: m[1], type, slug: m[3] ?? '' };
}

/** The id a folder stands for: `1001-feature-storage` → 1001, `1001` → 1001. */
export function folderId(name: string): string {
	return parseOldName(name)?.id ?? name;
}

/**
 * The seed's numbering (epic X000, feature X00Y, task X0YZ) for an all-digit id of four or more
 * digits: its type and its parent's id. null when the id does not follow it (`2101`, `E01`).
 */
export function numbering(id: string): { type: SpecType; parent: string | null } | null {
	if (!/^\d{4,}$/.test(id)) return null;
	const head = id.slice(0, -3);
	const tail = Number(id.slice(-3));
	if (tail === 0) return { type: 'epic', parent: null };
	if (tail < 10) return { type: 'feature', parent: `${head}000` };
	if (tail < 100) return { type: 'task', parent: `${head}00${Math.floor(tail / 10)}` };
	return null;
}

/**
 * Ids named in a journal's file name, most specific first: `2025-08-25.1013-task-warm-storage-sata`
 * gives 1013 (from the old-layout part); plain tokens (`1013`, `plan-1013`) come after.
 */
export function idsInName(stem: string): { oldNames: string[]; tokens: string[] } {
	const oldNames: string[] = [];
	const tokens: string[] = [];
	for (const part of stem.split(/[.\s_]+/)) {
		if (part === '') continue;
		const old = parseOldName(part);
		if (old) oldNames.push(part);
		tokens.push(part, ...part.split('-').filter((t) => t !== ''));
	}
	return { oldNames, tokens };
}
