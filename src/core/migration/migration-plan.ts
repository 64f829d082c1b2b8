import { compareIds } from '../index/discovery';
import { LinkResolver } from '../links/link-resolver';
import { planDeliverableMoves } from './deliverable-moves';
import { listLooseDeliverables } from './deliverable-listing';
import { planJournalEdits } from './journal-edits';
import { planJournalMoves } from './journal-moves';
import { planLinkRewrites } from './link-edits';
import { linkRewriteContext } from './link-rewrite';
import type { MigrationInput, MigrationPlan, MigrationProblem, PlannedSpec } from './migration-types';
import { clashes, orderMoves } from './move-order';
import { NoteEdits } from './note-edits';
import { detectLayout, type FoundSpec } from './old-layout-detection';
import { PlannedMoves } from './planned-moves';
import { duplicateIdProblems, specLookup } from './spec-lookup';
import { findParents, type Parent } from './spec-parents';
import { placeSpecs, type SpecPlacement } from './spec-placement';

/**
 * Plans the move of every spec, context, journal and spec-folder file to the new layout
 * (docs/migration.md) and every link edit that keeps the vault's links pointing where they
 * pointed. Pure: reads nothing but `input`, writes nothing; problems are values, never throws.
 */
export function planMigration(input: MigrationInput): MigrationPlan {
	const { specsRoot, files } = input;
	const paths = [...files.keys()];
	const ignored = input.ignored ?? { files: [], folders: [] };
	const before = new LinkResolver(paths);
	const layout = detectLayout(specsRoot, files, before);
	const problems: MigrationProblem[] = [...layout.problems, ...duplicateIdProblems(layout.specs)];
	const lookup = specLookup(layout.specs);
	const parents = findParents({ specsRoot, layout, before, lookup, problems });
	const placement = placeSpecs({ specsRoot, specs: layout.specs, parents, lookup, problems });

	const moves = new PlannedMoves();
	const ordered = [...layout.specs].sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1));
	for (const s of ordered) {
		moves.add(s.path, placement.specTarget(s), 'spec');
		const context = layout.contexts.get(s.path);
		if (context) moves.add(context, placement.contextTarget(s), 'context');
	}
	const journals = planJournalMoves({ files, layout, before, placement, moves, problems });
	const loose = planDeliverableMoves({ specsRoot, files, layout, placement, moves });
	problems.push(...clashes(moves.moves, [...paths, ...ignored.files]));
	const order = orderMoves(moves.moves, problems);
	if (order.length > 0) problems.push(...ignored.folders.map(leftAsItIs));

	const moveMap = new Map(order.map((m) => [m.from, m.to] as const));
	// A link's file is the vault's own, never a backup copy in an ignored folder; once moved, it must find that file in
	// Obsidian, which sees the copies too (a bare `[[mount.sh]]` may open the copy, whose path is now the shorter).
	const after = new LinkResolver([...paths.map((p) => moveMap.get(p) ?? p), ...ignored.files]);
	const ctx = linkRewriteContext(before, after, moveMap);
	const notes = new NoteEdits({ files, moveMap, after, linkStyle: input.linkStyle ?? 'wikilink' });
	planLinkRewrites({ specsRoot, files, specs: layout.specs, parents, ctx, notes, problems });
	const contextLinks = planJournalEdits({ files, journals, before, ctx, notes, typeOf: (s) => placement.typeOf(s) });
	const contextOf = (s: FoundSpec): string | undefined => layout.contexts.get(s.path) ?? journals.journalContext.get(s);
	listLooseDeliverables({ files, loose, contextOf, typeOf: (s) => placement.typeOf(s), notes });

	return {
		specsRoot,
		specs: plannedSpecs({ ordered, parents, placement, contextOf, moveMap }),
		moves: order,
		edits: notes.changed(),
		merges: journals.merges.map((m) => m.merge),
		contextLinks,
		problems: sortProblems(problems),
		fileCount: files.size,
	};
}

/** A backup or archive copy stays in its old layout: said once, with the moves. */
function leftAsItIs(folder: string): MigrationProblem {
	return { severity: 'warning', code: 'ignored-folder', path: folder, message: `${folder}/: ignored folder (a backup or archive copy); left as it is` };
}

/** Each spec as the plan reports it: its type, parent, and where it and its context go. */
function plannedSpecs(options: {
	ordered: FoundSpec[];
	parents: ReadonlyMap<FoundSpec, Parent>;
	placement: SpecPlacement;
	contextOf: (s: FoundSpec) => string | undefined;
	moveMap: ReadonlyMap<string, string>;
}): PlannedSpec[] {
	const { parents, placement, contextOf, moveMap } = options;
	return options.ordered.map((s) => {
		const parent = parents.get(s) as Parent;
		const context = contextOf(s) ?? null;
		return {
			id: s.id,
			type: placement.typeOf(s),
			title: s.title,
			from: s.path,
			to: moveMap.get(s.path) ?? s.path,
			parent: parent.spec?.id ?? null,
			parentFrom: parent.from,
			context: { from: context, to: context === null ? placement.contextTarget(s) : (moveMap.get(context) ?? context) },
		};
	});
}

/** Errors first, then by path; the order found is kept within a path. */
function sortProblems(problems: MigrationProblem[]): MigrationProblem[] {
	const rank = (p: MigrationProblem): number => (p.severity === 'error' ? 0 : 1);
	return problems.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
