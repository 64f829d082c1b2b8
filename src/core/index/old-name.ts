import { normalizeSpecType, type SpecType } from '../metadata/spec-type';

/** What an old-layout name says: `1001-feature-storage` → id 1001, feature, slug storage. */
export interface OldName {
	id: string;
	type: SpecType;
	/** The words after the type, '' when none. */
	slug: string;
}

// The type words that old layouts put between the id and the slug (spec-type's synonyms, one word each).
export const TYPE_WORD = 'epic|prd|initiative|theme|feature|story|capability|task|subtask|sub-task|bug|spike|chore|issue|fix|bugfix';
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
