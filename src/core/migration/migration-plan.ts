import { basename, dirname, extension, isUnder, joinPath } from '../files/paths';
import { isBinaryPath } from '../deliverables/file-kind';
import { compareIds } from '../index/discovery';
import { parseLinkText } from '../links/link-parser';
import { LinkResolver } from '../links/link-resolver';
import { stripIdPrefix } from '../index/spec-title';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readHeaderFields } from '../metadata/header-lines';
import type { SpecType } from '../metadata/spec-type';
import { findTopLevelEntries } from '../metadata/yaml-entries';
import { DELIVERABLE_FOLDERS, deliverableFolder } from './deliverable-kind';
import { formatLink } from '../links/link-format';
import { specHeadingTitle } from '../templates/spec-templates';
import { appendJournal, journalAsSession } from './journal-merge';
import { keptPurpose, linkContextFrom, linkSpecFrom, listDeliverables, listKeptJournal, sameRegistry, withKeptTraceback, type Listing, type Registry } from './merge-records';
import { firstTitleHeading } from './spec-title';
import { linkRewriteContext, rewriteFileLinks, type PlainReplacement } from './link-rewrite';
import type { FileEdit, FileMove, JournalMerge, MigrationInput, MigrationPlan, MigrationProblem, MoveReason, PlannedSpec } from './migration-types';
import { detectLayout, type FoundSpec } from './old-layout-detection';
import { matchJournal, oldestFirst, specNames, specsNamedInside } from './journal-match';
import { numbering } from './old-names';

interface Parent {
	spec: FoundSpec | null;
	from: PlannedSpec['parentFrom'];
}

/**
 * Plans the move of every spec, context, journal and spec-folder file to the new layout
 * (docs/migration.md) and every link edit that keeps the vault's links pointing where they
 * pointed. Pure: reads nothing but `input`, writes nothing; problems are values, never throws.
 */
export function planMigration(input: MigrationInput): MigrationPlan {
	const { specsRoot, files } = input;
	const paths = [...files.keys()];
	const before = new LinkResolver(paths);
	const layout = detectLayout(specsRoot, files, before);
	const problems: MigrationProblem[] = [...layout.problems];
	const specs = layout.specs;
	const byPath = new Map(specs.map((s) => [s.path, s] as const));
	const specOfContext = new Map<string, FoundSpec>();
	for (const [specPath, contextPath] of layout.contexts) specOfContext.set(contextPath, byPath.get(specPath) as FoundSpec);

	// Lookup by any name a spec goes by; its own id first.
	const byAlias = new Map<string, FoundSpec[]>();
	for (const s of specs) {
		for (const alias of s.aliases) {
			const key = alias.toLowerCase();
			const list = byAlias.get(key) ?? [];
			if (!list.includes(s)) list.push(s);
			byAlias.set(key, list);
		}
	}
	const lookup = (ref: string): FoundSpec | null => {
		const list = byAlias.get(ref.trim().toLowerCase()) ?? [];
		const own = list.filter((s) => s.id.toLowerCase() === ref.trim().toLowerCase());
		if (own.length === 1) return own[0];
		return list.length === 1 ? list[0] : null;
	};

	const byId = new Map<string, FoundSpec[]>();
	for (const s of specs) byId.set(s.id.toLowerCase(), [...(byId.get(s.id.toLowerCase()) ?? []), s]);
	for (const [, list] of byId) {
		if (list.length < 2) continue;
		problems.push({
			severity: 'error',
			code: 'duplicate-id',
			path: list[0].path,
			message: `Id "${list[0].id}" has ${list.length} specs: ${list.map((s) => s.path).join(', ')}; give one of them another id`,
		});
	}

	// Parents: the `parent` property or **Parent** line, then the enclosing folders, then the numbering.
	const parents = new Map<FoundSpec, Parent>();
	for (const s of specs) {
		let parent: Parent = { spec: null, from: null };
		if (s.parentRef !== null) {
			const link = parseLinkText(s.parentRef);
			let target: FoundSpec | null;
			if (link) {
				const path = link.target === '' ? null : before.resolve(link.target, s.path);
				target = path === null ? null : (byPath.get(path) ?? specOfContext.get(path) ?? null);
			} else target = lookup(s.parentRef.replace(/^["']|["']$/g, ''));
			if (target && target !== s) parent = { spec: target, from: 'property' };
			else {
				problems.push({
					severity: 'warning',
					code: 'unknown-parent',
					path: s.path,
					message: `${s.path}: parent ${s.parentRef} is not a spec; placed by its folder or its id instead`,
				});
			}
		}
		if (!parent.spec) {
			let folder = s.ownsFolder ? dirname(dirname(s.path)) : dirname(s.path);
			while (isUnder(folder, specsRoot) && folder !== specsRoot && folder !== '') {
				const owner = layout.folderOwner.get(folder);
				if (owner && owner !== s) {
					parent = { spec: owner, from: 'folder' };
					break;
				}
				folder = dirname(folder);
			}
		}
		if (!parent.spec) {
			const byNumber = numbering(s.id)?.parent;
			const target = byNumber ? lookup(byNumber) : null;
			if (target && target !== s) parent = { spec: target, from: 'numbering' };
		}
		parents.set(s, parent);
	}

	// Types: the `type` property, then the name, then the numbering, then the depth.
	const types = new Map<FoundSpec, SpecType>();
	const typing = new Set<FoundSpec>();
	const typeOf = (s: FoundSpec): SpecType => {
		const known = types.get(s);
		if (known) return known;
		let type = s.declaredType ?? s.nameType ?? numbering(s.id)?.type ?? null;
		if (type === null) {
			const parent = parents.get(s)?.spec ?? null;
			if (parent === null || typing.has(parent)) type = 'epic';
			else {
				typing.add(s);
				type = typeOf(parent) === 'epic' ? 'feature' : 'task';
				typing.delete(s);
			}
		}
		types.set(s, type);
		return type;
	};
	// Features and tasks whose parent does not exist at all: placed where their number puts them.
	const absentParent = new Map<FoundSpec, string>();
	for (const s of specs) {
		const parent = parents.get(s) as Parent;
		const type = typeOf(s);
		if (type === 'epic' && parent.spec && parent.from === 'property') {
			problems.push({ severity: 'warning', code: 'epic-parent', path: s.path, message: `${s.path}: an epic names a parent (${s.parentRef ?? ''}); epics sit at the top of ${specsRoot}/` });
		}
		if (type === 'epic') parents.set(s, { spec: null, from: null });
		else if (!parent.spec) {
			const missing = missingParentId(s.id, type);
			if (missing !== null && lookup(missing) === null) {
				absentParent.set(s, missing);
				continue;
			}
			problems.push({
				severity: 'error',
				code: 'missing-parent',
				path: s.path,
				message: `${s.path}: ${type} ${s.id} has no parent (no parent property, no enclosing spec folder, no ${type === 'task' ? 'feature' : 'epic'} by its number); add a parent property`,
			});
		}
	}

	// Placement: epics at the top, features in their epic's folder, tasks beside their feature's spec.
	const folders = new Map<FoundSpec, string>();
	const placing = new Set<FoundSpec>();
	const safeId = (s: FoundSpec): string => s.id.replace(/[\\/]/g, '-');
	const folderOf = (s: FoundSpec): string => {
		const known = folders.get(s);
		if (known !== undefined) return known;
		const parent = parents.get(s)?.spec ?? null;
		let folder: string;
		const absent = absentParent.get(s);
		if (absent !== undefined) folder = typeOf(s) === 'task' ? impliedFolder(absent) : joinPath(impliedFolder(absent), safeId(s));
		else if (parent === null) folder = joinPath(specsRoot, safeId(s));
		else if (placing.has(parent)) {
			problems.push({ severity: 'error', code: 'parent-cycle', path: s.path, message: `${s.path}: its parents lead back to it (${parent.path}); fix one parent property` });
			folder = joinPath(specsRoot, safeId(s));
		} else {
			placing.add(s);
			const parentFolder = folderOf(parent);
			placing.delete(s);
			folder = typeOf(s) === 'task' ? parentFolder : joinPath(parentFolder, safeId(s));
		}
		folders.set(s, folder);
		return folder;
	};
	/** The folder a spec that does not exist would have: `specs/3000` for epic 3000, its epic's folder + `/3001` for feature 3001. */
	const impliedFolder = (id: string): string => {
		const epic = numbering(id)?.parent ?? null;
		if (epic === null) return joinPath(specsRoot, id);
		const spec = lookup(epic);
		return joinPath(spec ? folderOf(spec) : joinPath(specsRoot, epic), id);
	};
	const placedAsChild = (s: FoundSpec): boolean => parents.get(s)?.spec != null || absentParent.has(s);
	const specTarget = (s: FoundSpec): string => {
		const type = typeOf(s);
		const folder = folderOf(s);
		if (type === 'task' && placedAsChild(s)) return joinPath(folder, `${safeId(s)}.spec.md`);
		return joinPath(folder, type === 'epic' ? 'epic.md' : 'spec.md');
	};
	const contextTarget = (s: FoundSpec): string => {
		if (typeOf(s) === 'task' && placedAsChild(s)) return joinPath(folderOf(s), `${safeId(s)}.context.md`);
		return joinPath(folderOf(s), 'context.md');
	};
	for (const [s, id] of absentParent) problems.push(absentParentProblem(s, typeOf(s), id, folderOf(s), (epic) => lookup(epic) !== null));

	const moves: FileMove[] = [];
	const planned = new Map<string, string>();
	const add = (from: string, to: string, reason: MoveReason): void => {
		if (planned.has(from)) return;
		planned.set(from, to);
		if (from !== to) moves.push({ from, to, reason });
	};
	const ordered = [...specs].sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1));
	for (const s of ordered) {
		add(s.path, specTarget(s), 'spec');
		const context = layout.contexts.get(s.path);
		if (context) add(context, contextTarget(s), 'context');
	}

	// Journals kept apart: the context of the spec their name names, or sessions appended to it.
	const merges: JournalMerge[] = [];
	const mergedFor = new Map<JournalMerge, FoundSpec>();
	const journalContext = new Map<FoundSpec, string>();
	const names = specNames(specs);
	const resolveBefore = (linkpath: string, source: string): string | null => before.resolve(linkpath, source);
	for (const journal of oldestFirst(layout.journals)) {
		const text = files.get(journal);
		// What a journal says inside wins over what its name suggests.
		const inside = typeof text === 'string' ? specsNamedInside(text, journal, names, resolveBefore) : [];
		const matches = inside.length > 0 ? inside : matchJournal(journal, names);
		if (matches.length !== 1) {
			const [code, why] = matches.length === 0 ? (['unmatched-journal', 'names no spec'] as const) : (['ambiguous-journal', `could belong to ${matches.map((s) => s.id).join(' or ')}`] as const);
			problems.push({ severity: 'warning', code, path: journal, message: `${journal}: journal ${why}; left where it is` });
			continue;
		}
		const spec = matches[0];
		const into = layout.contexts.get(spec.path) ?? journalContext.get(spec);
		if (into === undefined) {
			journalContext.set(spec, journal);
			add(journal, contextTarget(spec), 'journal');
		} else {
			const merge: JournalMerge = { journal, into, kept: joinPath(folderOf(spec), 'deliverables', 'docs', basename(journal)), sessions: [] };
			merges.push(merge);
			mergedFor.set(merge, spec);
			add(journal, merge.kept, 'journal');
		}
	}

	// Everything else in an old spec folder goes to that spec's deliverables.
	const journals = new Set(layout.journals);
	/** Files that become deliverables by the move (not in a `deliverables/` folder before), by the spec whose folder held them. */
	const loose = new Map<string, FoundSpec>();
	for (const [path, text] of files) {
		if (planned.has(path) || journals.has(path) || !isUnder(path, specsRoot) || path === specsRoot) continue;
		const rel = specsRoot === '' ? path : path.slice(specsRoot.length + 1);
		if (rel.split('/').some((part) => part.startsWith('.'))) continue;
		let folder = dirname(path);
		let owner: FoundSpec | undefined;
		while (isUnder(folder, specsRoot) && folder !== specsRoot && folder !== '') {
			owner = layout.folderOwner.get(folder);
			if (owner) break;
			folder = dirname(folder);
		}
		if (!owner) continue;
		const base = folderOf(owner);
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
		add(path, target, 'deliverable');
		if (first !== 'deliverables') loose.set(path, owner);
	}

	problems.push(...clashes(moves, paths));
	const order = orderMoves(moves, problems);
	const moveMap = new Map(order.map((m) => [m.from, m.to] as const));
	const after = new LinkResolver(paths.map((p) => moveMap.get(p) ?? p));
	const ctx = linkRewriteContext(before, after, moveMap);

	const edits = new Map<string, FileEdit>();
	const contextLinks: { spec: string; context: string }[] = [];
	for (const [path, text] of files) {
		if (text === null || text === undefined) continue;
		const markdown = extension(path) === 'md';
		if (!markdown && (!isUnder(path, specsRoot) || isBinaryPath(path))) continue;
		const spec = byPath.get(path);
		const extra = spec ? parentIdReplacements(spec, text, parents.get(spec)?.spec ?? null) : [];
		const newPath = moveMap.get(path) ?? path;
		const r = rewriteFileLinks(ctx, text, path, newPath, extra);
		if (r.changes.length > 0) edits.set(path, { path, newPath, before: text, after: r.text, links: r.changes, merged: [] });
	}
	const style = input.linkStyle ?? 'wikilink';
	const link = (from: string, to: string, alias: string): string => formatLink({ sourcePath: from, targetPath: to, alias, style, resolver: after });
	const newPathOf = (path: string): string => moveMap.get(path) ?? path;
	/** The file's planned edit, started from its text when it has none yet. */
	const editOf = (path: string): FileEdit | null => {
		const known = edits.get(path);
		if (known) return known;
		const text = files.get(path);
		if (typeof text !== 'string') return null;
		const edit: FileEdit = { path, newPath: newPathOf(path), before: text, after: text, links: [], merged: [] };
		edits.set(path, edit);
		return edit;
	};
	/** The kept original listed in its spec's and context's registries, and tracing back to both. */
	const recordKeptJournal = (merge: JournalMerge, spec: FoundSpec, context: FileEdit, specEdit: FileEdit | null, kept: FileEdit | null, journalText: string): void => {
		const title = firstTitleHeading(journalText) ?? basename(merge.kept).replace(/\.md$/i, '');
		const purpose = keptPurpose(merge.sessions);
		context.after = listKeptJournal(context.after, context.newPath, merge.kept, link(context.newPath, merge.kept, title), { purpose });
		if (specEdit) specEdit.after = listKeptJournal(specEdit.after, specEdit.newPath, merge.kept, link(specEdit.newPath, merge.kept, title), { type: typeOf(spec) });
		if (kept) {
			const specLink = link(merge.kept, newPathOf(spec.path), specHeadingTitle(spec.id, stripIdPrefix(spec.title, spec.aliases)));
			kept.after = withKeptTraceback(kept.after, merge.journal, { spec: specLink, context: link(merge.kept, context.newPath, 'Implementation Journal'), purpose });
		}
	};
	const specLinkFrom = (from: string, spec: FoundSpec): string => link(from, newPathOf(spec.path), specHeadingTitle(spec.id, stripIdPrefix(spec.title, spec.aliases)));
	// A journal made a context links back to its spec, and its own dated work is its first session;
	// both before any later journal is appended to it.
	for (const [spec, journal] of journalContext) {
		const context = editOf(journal);
		if (context === null) continue;
		const specPath = newPathOf(spec.path);
		context.after = linkSpecFrom(context.after, context.newPath, specLinkFrom(context.newPath, spec), (target) => after.resolve(target, context.newPath) === specPath);
		context.after = journalAsSession(context.after, journal);
	}
	for (const merge of merges) {
		const journalText = files.get(merge.journal);
		const context = editOf(merge.into);
		const spec = mergedFor.get(merge) as FoundSpec;
		if (typeof journalText !== 'string' || context === null) continue;
		const journal = rewriteFileLinks(ctx, journalText, merge.journal, context.newPath).text;
		const merged = appendJournal(context.after, journal, merge.journal, link(context.newPath, merge.kept, merge.journal));
		context.after = merged.text;
		context.merged.push(merge.journal);
		merge.sessions = merged.sessions;
		recordKeptJournal(merge, spec, context, editOf(spec.path), editOf(merge.journal), journalText);
	}
	for (const [spec, journal] of journalContext) {
		const edit = spec.contextRef === null ? editOf(spec.path) : null;
		if (edit === null) continue;
		const contextPath = newPathOf(journal);
		const linksJournal = (target: string): boolean => before.resolve(target, spec.path) === journal;
		edit.after = linkContextFrom(edit.after, spec.path, link(edit.newPath, contextPath, 'Implementation Journal'), linksJournal);
		contextLinks.push({ spec: edit.newPath, context: contextPath });
	}
	// Files that became deliverables by the move are listed in the spec's and its context's
	// registries: gathered by note, so that each note is read once for all of its entries.
	const listings = new Map<FileEdit, { registry: Registry; items: Listing[] }>();
	const listAll = (edit: FileEdit): void => {
		const pending = listings.get(edit);
		if (!pending) return;
		listings.delete(edit);
		edit.after = listDeliverables(edit.after, edit.newPath, pending.registry, pending.items, (linkpath) => after.resolve(linkpath, edit.newPath));
	};
	for (const [path, spec] of loose) {
		const target = newPathOf(path);
		const title = looseTitle(target, files.get(path) ?? null);
		const contextPath = layout.contexts.get(spec.path) ?? journalContext.get(spec);
		const notes: { edit: FileEdit | null; registry: Registry }[] = [{ edit: editOf(spec.path), registry: { type: typeOf(spec) } }, { edit: contextPath === undefined ? null : editOf(contextPath), registry: { purpose: null } }];
		for (const { edit, registry } of notes) {
			if (edit === null) continue;
			// A note both a spec and a context (not seen in practice): each registry's run in turn, as one by one.
			if (!sameRegistry(listings.get(edit)?.registry ?? registry, registry)) listAll(edit);
			const pending = listings.get(edit) ?? { registry, items: [] };
			pending.items.push({ path: target, link: link(edit.newPath, target, title) });
			listings.set(edit, pending);
		}
	}
	for (const edit of [...listings.keys()]) listAll(edit);
	for (const [path, edit] of edits) if (edit.after === edit.before) edits.delete(path);

	const planSpecs: PlannedSpec[] = ordered.map((s) => {
		const parent = parents.get(s) as Parent;
		const context = layout.contexts.get(s.path) ?? journalContext.get(s) ?? null;
		return {
			id: s.id,
			type: typeOf(s),
			title: s.title,
			from: s.path,
			to: moveMap.get(s.path) ?? s.path,
			parent: parent.spec?.id ?? null,
			parentFrom: parent.from,
			context: { from: context, to: context === null ? contextTarget(s) : (moveMap.get(context) ?? context) },
		};
	});
	return {
		specsRoot,
		specs: planSpecs,
		moves: order,
		edits: [...edits.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
		merges,
		contextLinks,
		problems: sortProblems(problems),
		fileCount: files.size,
	};
}

/** What a moved file is listed as: a markdown file's first heading, else its name. */
function looseTitle(path: string, text: string | null): string {
	return (extension(path) === 'md' && text !== null ? firstTitleHeading(text) : null) ?? basename(path);
}

/**
 * A parent written as a bare id the new layout no longer knows (`parent: 1001-feature-storage`,
 * the old file stem) is rewritten to the parent's id, in the property and in the **Parent** line.
 */
function parentIdReplacements(spec: FoundSpec, text: string, parent: FoundSpec | null): PlainReplacement[] {
	const ref = spec.parentRef?.replace(/^["']|["']$/g, '').trim();
	if (!parent || ref === undefined || parseLinkText(spec.parentRef ?? '') !== null) return [];
	if (ref.toLowerCase() === parent.id.toLowerCase()) return [];
	const out: PlainReplacement[] = [];
	const bounds = findFrontmatter(text);
	if (bounds) {
		const entry = findTopLevelEntries(text, bounds).find((e) => e.key.toLowerCase() === 'parent');
		if (entry && (entry.style === 'plain' || entry.style === 'single' || entry.style === 'double')) {
			const raw = text.slice(entry.valueStart, entry.valueEnd);
			const at = raw.indexOf(ref);
			if (at >= 0 && raw.replace(/^["']|["']$/g, '').trim() === ref) {
				out.push({ start: entry.valueStart + at, end: entry.valueStart + at + ref.length, text: parent.id, from: `parent: ${ref}`, to: `parent: ${parent.id}` });
			}
		}
	}
	const header = readHeaderFields(text).get('parent');
	if (header && header.value.trim() === ref) {
		const at = header.start + header.value.indexOf(ref);
		out.push({ start: at, end: at + ref.length, text: parent.id, from: `**Parent**: ${ref}`, to: `**Parent**: ${parent.id}` });
	}
	return out;
}

/**
 * The parent a feature's or task's number gives it (feature 3001 → epic 3000, task 3011 → feature
 * 3001), when the number follows the numbering for its type; null otherwise.
 */
function missingParentId(id: string, type: SpecType): string | null {
	const own = numbering(id);
	if (own === null || own.type !== type || own.parent === null) return null;
	return numbering(own.parent)?.type === (type === 'task' ? 'feature' : 'epic') ? own.parent : null;
}

/** A warning, never an error: the spec is placed by its number, and the message says how to create its parent. */
function absentParentProblem(s: FoundSpec, type: SpecType, parentId: string, folder: string, exists: (id: string) => boolean): MigrationProblem {
	const where = `${s.path}: ${type} ${s.id} has no ${type === 'task' ? 'feature' : 'epic'} ${parentId}; placed in ${folder}/ as its number says.`;
	if (type !== 'task') {
		return { severity: 'warning', code: 'missing-epic', path: s.path, message: `${where} Create the epic with: spec-work new epic --id ${parentId} --title "…"` };
	}
	const epic = numbering(parentId)?.parent ?? '';
	const feature = `spec-work new feature --id ${parentId} --parent ${epic} --title "…"`;
	const how = exists(epic) ? `Create the feature with: ${feature}` : `Create the epic, then the feature, with: spec-work new epic --id ${epic} --title "…" and ${feature}`;
	return { severity: 'warning', code: 'missing-feature', path: s.path, message: `${where} ${how}` };
}

/** Two files moving to one path, or a file moving onto one that stays. */
function clashes(moves: FileMove[], paths: string[]): MigrationProblem[] {
	const out: MigrationProblem[] = [];
	const leaving = new Set(moves.map((m) => m.from.toLowerCase()));
	const existing = new Map(paths.map((p) => [p.toLowerCase(), p] as const));
	const landing = new Map<string, FileMove>();
	for (const m of moves) {
		const key = m.to.toLowerCase();
		const other = landing.get(key);
		if (other) {
			out.push({ severity: 'error', code: 'path-clash', path: m.to, message: `${other.from} and ${m.from} would both move to ${m.to}` });
			continue;
		}
		landing.set(key, m);
		const there = existing.get(key);
		if (there !== undefined && !leaving.has(key)) {
			out.push({ severity: 'error', code: 'path-clash', path: m.to, message: `${m.from} would move to ${m.to}, where ${there} already is` });
		}
	}
	return out;
}

/** Moves in an order where each target is free when its turn comes; a ring of moves is a problem. */
function orderMoves(moves: FileMove[], problems: MigrationProblem[]): FileMove[] {
	const pending = new Map(moves.map((m) => [m.from.toLowerCase(), m] as const));
	const out: FileMove[] = [];
	while (pending.size > 0) {
		let progressed = false;
		for (const [key, m] of pending) {
			const blocker = pending.get(m.to.toLowerCase());
			if (blocker && blocker !== m) continue;
			out.push(m);
			pending.delete(key);
			progressed = true;
		}
		if (!progressed) {
			const ring = [...pending.values()];
			problems.push({ severity: 'error', code: 'path-clash', path: ring[0].from, message: `These files would take each other's places: ${ring.map((m) => `${m.from} → ${m.to}`).join(', ')}` });
			out.push(...ring);
			break;
		}
	}
	return out;
}

function sortProblems(problems: MigrationProblem[]): MigrationProblem[] {
	const rank = (p: MigrationProblem): number => (p.severity === 'error' ? 0 : 1);
	return problems.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
