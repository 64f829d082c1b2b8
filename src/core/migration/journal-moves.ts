import { basename, joinPath } from '../files/paths';
import type { LinkResolver } from '../links/link-resolver';
import { matchJournal, oldestFirst, specNames, specsNamedInside } from './journal-match';
import type { JournalMerge, MigrationProblem, VaultTexts } from './migration-types';
import type { DetectedLayout, FoundSpec } from './old-layout-detection';
import type { PlannedMoves } from './planned-moves';
import type { SpecPlacement } from './spec-placement';

export interface JournalMoveSources {
	files: VaultTexts;
	layout: DetectedLayout;
	before: LinkResolver;
	placement: SpecPlacement;
	moves: PlannedMoves;
	/** Receives a warning for each journal that names no spec, or several. */
	problems: MigrationProblem[];
}

export interface JournalMoves {
	/** Specs with no context of their own, given the first journal that belongs to them as their context. */
	journalContext: Map<FoundSpec, string>;
	/** Later journals, appended to their spec's context and kept in its deliverables. */
	merges: { merge: JournalMerge; spec: FoundSpec }[];
}

/**
 * Journals kept apart go to the context of the spec they belong to: they become it when the spec
 * has none, else their sessions are appended to it. Oldest first, so the sessions keep their order.
 */
export function planJournalMoves(sources: JournalMoveSources): JournalMoves {
	const { files, layout, placement, moves, problems } = sources;
	const out: JournalMoves = { journalContext: new Map(), merges: [] };
	const names = specNames(layout.specs);
	const resolveBefore = (linkpath: string, source: string): string | null => sources.before.resolve(linkpath, source);
	for (const journal of oldestFirst(layout.journals)) {
		const text = files.get(journal);
		// What a journal says inside wins over what its name suggests.
		const inside = typeof text === 'string' ? specsNamedInside(text, journal, names, resolveBefore) : [];
		const matches = inside.length > 0 ? inside : matchJournal(journal, names);
		if (matches.length !== 1) {
			const [code, why] =
				matches.length === 0 ? (['unmatched-journal', 'names no spec'] as const) : (['ambiguous-journal', `could belong to ${matches.map((s) => s.id).join(' or ')}`] as const);
			problems.push({ severity: 'warning', code, path: journal, message: `${journal}: journal ${why}; left where it is` });
			continue;
		}
		const spec = matches[0];
		const into = layout.contexts.get(spec.path) ?? out.journalContext.get(spec);
		if (into === undefined) {
			out.journalContext.set(spec, journal);
			moves.add(journal, placement.contextTarget(spec), 'journal');
		} else {
			const merge: JournalMerge = { journal, into, kept: joinPath(placement.folderOf(spec), 'deliverables', 'docs', basename(journal)), sessions: [] };
			out.merges.push({ merge, spec });
			moves.add(journal, merge.kept, 'journal');
		}
	}
	return out;
}
