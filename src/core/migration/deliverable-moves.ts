import { dirname, isUnder, joinPath } from '../files/paths';
import { DELIVERABLE_FOLDERS, deliverableFolder } from './deliverable-kind';
import { enclosingSpec } from './enclosing-spec';
import type { VaultTexts } from './migration-types';
import type { DetectedLayout, FoundSpec } from './old-layout-detection';
import type { PlannedMoves } from './planned-moves';
import type { SpecPlacement } from './spec-placement';

export interface DeliverableMoveSources {
	specsRoot: string;
	files: VaultTexts;
	layout: DetectedLayout;
	placement: SpecPlacement;
	moves: PlannedMoves;
}

/**
 * Everything else in an old spec folder goes to that spec's deliverables, into the folder its kind
 * calls for unless it already sits in one. Returns the files that become deliverables by the move
 * (not in a `deliverables/` folder before), by the spec whose folder held them, to be listed.
 */
export function planDeliverableMoves(sources: DeliverableMoveSources): Map<string, FoundSpec> {
	const { specsRoot, files, layout, placement, moves } = sources;
	const journals = new Set(layout.journals);
	const loose = new Map<string, FoundSpec>();
	for (const [path, text] of files) {
		if (moves.has(path) || journals.has(path) || !isUnder(path, specsRoot) || path === specsRoot) continue;
		const rel = specsRoot === '' ? path : path.slice(specsRoot.length + 1);
		// Hidden files (an editor's or a tool's) belong to no spec.
		if (rel.split('/').some((part) => part.startsWith('.'))) continue;
		const owner = enclosingSpec({ folderOwner: layout.folderOwner, specsRoot, folder: dirname(path) });
		if (!owner) continue;
		const { folder } = owner;
		const base = placement.folderOf(owner.spec);
		// A folder already in the new layout keeps its other files where they are.
		if (base === folder) continue;
		const rest = path.slice(folder.length + 1);
		const first = rest.split('/')[0];
		const target =
			first === 'deliverables'
				? joinPath(base, rest)
				: DELIVERABLE_FOLDERS.has(first) && rest.includes('/')
					? joinPath(base, 'deliverables', rest)
					: joinPath(base, 'deliverables', deliverableFolder(path, text ?? null), rest);
		moves.add(path, target, 'deliverable');
		if (first !== 'deliverables') loose.set(path, owner.spec);
	}
	return loose;
}
