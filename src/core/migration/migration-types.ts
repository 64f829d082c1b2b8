import type { LinkStyle } from '../links/link-format';
import type { SpecType } from '../metadata/spec-type';

/** Every file the planner looks at: vault-relative path → text (null for files not read: binaries, large non-markdown). */
export type VaultTexts = Map<string, string | null>;

export interface MigrationInput {
	specsRoot: string;
	/** Every file of the vault, with the text of each markdown file, each canvas, and each text file under the specs root. */
	files: VaultTexts;
	/**
	 * Files in folders left out of discovery (backup or archive copies), and those folders: never
	 * moved, read or rewritten, but Obsidian still finds them, so links are resolved with them.
	 */
	ignored?: { files: string[]; folders: string[] };
	/** How the links the migration adds are written (default wikilinks); links it rewrites keep their own style. */
	linkStyle?: LinkStyle;
}

export type MoveReason = 'spec' | 'context' | 'journal' | 'deliverable';

export interface FileMove {
	from: string;
	to: string;
	reason: MoveReason;
}

/** One link whose target path changes: as it was written and as it will be written. */
export interface LinkChange {
	line: number;
	from: string;
	to: string;
}

/** A file whose text changes: rewritten links, a merged journal, a renamed parent id. */
export interface FileEdit {
	/** Where the file is before the migration. */
	path: string;
	/** Where it is after (the same path when it does not move). */
	newPath: string;
	before: string;
	after: string;
	links: LinkChange[];
	/** Journals whose sessions were appended to this context (their paths before the migration). */
	merged: string[];
}

export type ProblemSeverity = 'error' | 'warning';

export interface MigrationProblem {
	/** Errors block `--apply`; warnings are reported and the migration goes ahead. */
	severity: ProblemSeverity;
	code:
		| 'missing-parent'
		| 'missing-epic'
		| 'missing-feature'
		| 'path-clash'
		| 'duplicate-id'
		| 'parent-cycle'
		| 'unknown-parent'
		| 'unmatched-journal'
		| 'ambiguous-journal'
		| 'epic-parent'
		| 'ignored-folder'
		| 'unreadable';
	path: string;
	message: string;
}

/** A spec as the migration understands it. */
export interface PlannedSpec {
	id: string;
	type: SpecType;
	title: string;
	/** Its path before and after. */
	from: string;
	to: string;
	/** The parent's id, null for an epic or when none was found. */
	parent: string | null;
	/** Where the parent came from. */
	parentFrom: 'property' | 'folder' | 'numbering' | null;
	context: { from: string | null; to: string };
}

export interface JournalMerge {
	journal: string;
	into: string;
	/** Where the journal itself is kept (its path after the migration), listed in its spec's and context's Deliverables. */
	kept: string;
	/** The session numbers it became in the context. */
	sessions: number[];
}

export interface MigrationPlan {
	specsRoot: string;
	specs: PlannedSpec[];
	/** In the order they are to be made. */
	moves: FileMove[];
	edits: FileEdit[];
	merges: JournalMerge[];
	/** Specs given a journal as their context, and so a link to it (paths after the migration). */
	contextLinks: { spec: string; context: string }[];
	problems: MigrationProblem[];
	/** Paths of every file before the migration (the count that must hold after). */
	fileCount: number;
}

export function blockingProblems(plan: MigrationPlan): MigrationProblem[] {
	return plan.problems.filter((p) => p.severity === 'error');
}

/** Whether there is anything to do. */
export function planIsEmpty(plan: MigrationPlan): boolean {
	return plan.moves.length === 0 && plan.edits.length === 0;
}
