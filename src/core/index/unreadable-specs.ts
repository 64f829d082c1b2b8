import { idFromSpecPath } from './discovery';
import { idBeforeWords } from './read-spec';
import type { SpecIndex } from './spec-index';
import type { IndexProblem } from './spec';
import { extendsId } from './spec-title';

/**
 * Spec notes the index could not read (not UTF-8, say): they are in no lookup, so an id they hold
 * is unknown until they are mended. `id` narrows them to the note that may be that spec: its name
 * is the id, or the short form of it (`F04/spec.md` for `E01-F04`), or starts with it (`E02-café/spec.md`).
 */
export function unreadableSpecNotes(index: SpecIndex, id?: string): IndexProblem[] {
	const all = index.problems().filter((p) => p.code === 'unreadable');
	if (id === undefined) return all;
	const wanted = id.trim().toLowerCase();
	const isIt = (name: string | null): boolean => name !== null && (name.toLowerCase() === wanted || extendsId(wanted, name));
	// Its name's id as a readable note's would be: the name, or the id it starts with (`E02` of `E02-café`).
	return all.filter((p) => isIt(idFromSpecPath(p.path)) || isIt(idBeforeWords(idFromSpecPath(p.path))));
}
