import type { SpecType } from '../metadata/spec-type';
import { WorkflowError } from '../workspace/workflow-error';
import { requireSpec, Workspace } from '../workspace/workspace';

/**
 * The next free id for a new spec, by the reference layout's numbering (docs/formats.md, Where specs live). A suggestion only:
 * the user may type any id.
 *
 * Numeric vaults (the reference layout's):
 * - epic: the next thousand above the highest numeric epic (1000, 2000, …; after 9000 comes 10000);
 *   1000 in a vault with no epics yet.
 * - feature of epic X000: X001…X009, one above the highest id already used in that range (the
 *   reference layout's ids are not reused, so a gap left by a dropped feature stays a gap).
 * - task of feature X00Y: X0Y1…X0Y9 the same way (feature 1001 → 1011…1019; with 1011 and 1014
 *   taken, 1015; feature 1002 → 1021…).
 * - When those nine are used up, or the parent's id does not fit the pattern (epic 1500, feature
 *   1010), the next number above every id used in the parent's thousand.
 * Other ids (`E01`, `E01-F01`): the parent's id plus `-F01` / `-T01`, numbered one above the
 *   highest such sibling (`E01-F01-T05` when T04 exists); epics `E01`, `E02`… after the highest
 *   epic of that shape.
 * Every suggestion is checked against all ids (and aliases) in the vault and skips any taken.
 */
export function suggestId(ws: Workspace, type: SpecType, parentId?: string): string {
	const taken = (id: string): boolean => ws.index.lookup(id).length > 0;
	if (type === 'epic') return suggestEpic(ws, taken);
	if (!parentId || parentId.trim() === '') {
		throw new WorkflowError('missing-parent', `A new ${type} needs a parent ${type === 'feature' ? 'epic' : 'feature'} (--parent ID)`);
	}
	const parent = requireSpec(ws, parentId.trim());
	if (/^\d+$/.test(parent.id)) {
		const n = Number(parent.id);
		const block = n - (n % 1000);
		const digit = n % 1000;
		// Epic X000 → X001…X009; feature X00Y → X0Y1…X0Y9.
		const base = type === 'feature' ? (digit === 0 ? n : null) : digit >= 1 && digit <= 9 ? block + digit * 10 : null;
		if (base !== null) {
			const next =
				highest(
					numericIds(ws).filter((v) => v > base && v <= base + 9),
					base,
				) + 1;
			for (let v = next; v <= base + 9; v++) if (!taken(String(v))) return String(v);
		}
		let v =
			highest(
				numericIds(ws).filter((v) => v >= block && v < block + 1000),
				n,
			) + 1;
		while (taken(String(v))) v++;
		return String(v);
	}
	// Every id with the prefix counts, linked to the parent or not: they share the name space.
	return nextSuffixed(`${parent.id}-${type === 'feature' ? 'F' : 'T'}`, allIds(ws), taken);
}

function suggestEpic(ws: Workspace, taken: (id: string) => boolean): string {
	const epics = ws.index
		.all()
		.filter((s) => ws.index.typeOf(s) === 'epic')
		.map((s) => s.id);
	const numeric = epics.filter((id) => /^\d+$/.test(id)).map(Number);
	if (numeric.length > 0 || epics.length === 0) {
		const top = highest(numeric, 0);
		let v = (Math.floor(top / 1000) + 1) * 1000;
		while (taken(String(v))) v += 1000;
		return String(v);
	}
	// `E01`, `E02`: the prefix of the highest such epic.
	const shaped = epics.map((id) => /^([A-Za-z]+)(\d+)$/.exec(id)).filter((m): m is RegExpExecArray => m !== null);
	const prefix = shaped.length > 0 ? shaped.sort((a, b) => Number(b[2]) - Number(a[2]))[0][1] : 'E';
	return nextSuffixed(prefix, epics, taken);
}

/** `prefix` plus one above the highest number any `ids` carries after it, zero-padded as they are (at least 2). */
function nextSuffixed(prefix: string, ids: string[], taken: (id: string) => boolean): string {
	let max = 0;
	let width = 2;
	for (const id of ids) {
		if (id.length <= prefix.length || id.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) continue;
		const digits = id.slice(prefix.length);
		if (!/^\d+$/.test(digits)) continue;
		max = Math.max(max, Number(digits));
		width = Math.max(width, digits.length);
	}
	for (let v = max + 1; ; v++) {
		const id = prefix + String(v).padStart(width, '0');
		if (!taken(id)) return id;
	}
}

function allIds(ws: Workspace): string[] {
	return ws.index.all().flatMap((spec) => [spec.id, ...spec.aliases]);
}

function numericIds(ws: Workspace): number[] {
	return allIds(ws)
		.filter((id) => /^\d+$/.test(id))
		.map(Number);
}

/** The largest of `values` and `floor` (a loop: spreading a long list into Math.max overflows the stack). */
function highest(values: number[], floor: number): number {
	let max = floor;
	for (const v of values) if (v > max) max = v;
	return max;
}
