import { idFromSpecPath } from './discovery';
import type { SpecIndex } from './spec-index';
import type { IndexProblem } from './spec';
import { extendsId } from './spec-title';

/**
 * Spec notes the index could not read (not UTF-8, say): they are in no lookup, so an id they hold
 * is unknown until they are mended. `id` narrows them to the note that may be that spec: its name
 * is the id, or the short form of it (`F04/spec.md` for `E01-F04`).
 */
export function unreadableSpecNotes(index: SpecIndex, id?: string): IndexProblem[] {
	const all = index.problems().filter((p) => p.code === 'unreadable');
	if (id === undefined) return all;
	const wanted = id.trim().toLowerCase();
	return all.filter((p) => {
		const name = idFromSpecPath(p.path).toLowerCase();
		return name === wanted || extendsId(wanted, name);
	});
}
