import { basename } from '../files/paths';
import { stripIdPrefix } from '../index/spec-title';
import type { LinkResolver } from '../links/link-resolver';
import type { SpecType } from '../metadata/spec-type';
import { specHeadingTitle } from '../templates/spec-templates';
import { appendJournal, journalAsSession } from './journal-merge';
import type { JournalMoves } from './journal-moves';
import { rewriteFileLinks, type LinkRewriteContext } from './link-rewrite';
import { keptPurpose, linkContextFrom, linkSpecFrom, listKeptJournal, withKeptTraceback } from './merge-records';
import type { FileEdit, JournalMerge, MigrationPlan, VaultTexts } from './migration-types';
import type { NoteEdits } from './note-edits';
import type { FoundSpec } from './old-layout-detection';
import { firstTitleHeading } from './spec-title';

export interface JournalEditSources {
	files: VaultTexts;
	journals: JournalMoves;
	/** Resolves links as they point before the migration. */
	before: LinkResolver;
	ctx: LinkRewriteContext;
	notes: NoteEdits;
	typeOf: (spec: FoundSpec) => SpecType;
}

/**
 * The notes' side of the journal moves: a journal made a context links back to its spec and its
 * own dated work becomes its first session, both before any later journal is appended to it; each
 * appended journal is kept and listed; each spec links to the journal that became its context.
 * Returns those spec → context links.
 */
export function planJournalEdits(sources: JournalEditSources): MigrationPlan['contextLinks'] {
	const { files, journals, notes } = sources;
	for (const [spec, journal] of journals.journalContext) {
		const context = notes.editOf(journal);
		if (context === null) continue;
		const specPath = notes.newPathOf(spec.path);
		context.after = linkSpecFrom(context.after, context.newPath, specLink(notes, context.newPath, spec), (target) => notes.after.resolve(target, context.newPath) === specPath);
		context.after = journalAsSession(context.after, journal);
	}
	for (const { merge, spec } of journals.merges) {
		const journalText = files.get(merge.journal);
		const context = notes.editOf(merge.into);
		if (typeof journalText !== 'string' || context === null) continue;
		const journal = rewriteFileLinks(sources.ctx, journalText, merge.journal, context.newPath).text;
		const merged = appendJournal(context.after, journal, merge.journal, notes.link(context.newPath, merge.kept, merge.journal));
		context.after = merged.text;
		context.merged.push(merge.journal);
		merge.sessions = merged.sessions;
		recordKeptJournal({ merge, spec, context, specEdit: notes.editOf(spec.path), kept: notes.editOf(merge.journal), journalText }, sources);
	}
	const contextLinks: MigrationPlan['contextLinks'] = [];
	for (const [spec, journal] of journals.journalContext) {
		// A spec that names its context keeps the one it names.
		const edit = spec.contextRef === null ? notes.editOf(spec.path) : null;
		if (edit === null) continue;
		const contextPath = notes.newPathOf(journal);
		const linksJournal = (target: string): boolean => sources.before.resolve(target, spec.path) === journal;
		edit.after = linkContextFrom(edit.after, spec.path, notes.link(edit.newPath, contextPath, 'Implementation Journal'), linksJournal);
		contextLinks.push({ spec: edit.newPath, context: contextPath });
	}
	return contextLinks;
}

interface KeptJournal {
	merge: JournalMerge;
	spec: FoundSpec;
	context: FileEdit;
	specEdit: FileEdit | null;
	kept: FileEdit | null;
	journalText: string;
}

/** The kept original listed in its spec's and context's registries, and tracing back to both. */
function recordKeptJournal(k: KeptJournal, sources: JournalEditSources): void {
	const { merge, spec, context, specEdit, kept } = k;
	const { notes } = sources;
	const title = firstTitleHeading(k.journalText) ?? basename(merge.kept).replace(/\.md$/i, '');
	const purpose = keptPurpose(merge.sessions);
	context.after = listKeptJournal(context.after, context.newPath, merge.kept, notes.link(context.newPath, merge.kept, title), { purpose });
	if (specEdit) specEdit.after = listKeptJournal(specEdit.after, specEdit.newPath, merge.kept, notes.link(specEdit.newPath, merge.kept, title), { type: sources.typeOf(spec) });
	if (kept)
		kept.after = withKeptTraceback(kept.after, merge.journal, {
			spec: specLink(notes, merge.kept, spec),
			context: notes.link(merge.kept, context.newPath, 'Implementation Journal'),
			purpose,
		});
}

/** A link to the spec where it goes, by its heading title. */
function specLink(notes: NoteEdits, from: string, spec: FoundSpec): string {
	return notes.link(from, notes.newPathOf(spec.path), specHeadingTitle(spec.id, stripIdPrefix(spec.title, spec.aliases)));
}
