import { basename, dirname } from '../files/paths';
import { classifyPath, idFromSpecPath } from '../index/discovery';
import { parseLinkText } from '../links/link-parser';
import type { LinkResolver } from '../links/link-resolver';
import { readSpecMetadata } from '../metadata/spec-metadata';
import type { SpecType } from '../metadata/spec-type';
import type { MigrationProblem, VaultTexts } from './migration-types';
import { hasNamingLine, isJournalApart } from './journal-match';
import { folderId, parseOldName } from './old-names';
import { firstTitleHeading } from './spec-title';

/** A spec file found in whatever layout it is in. */
export interface FoundSpec {
	path: string;
	/** The id its name gives (`1001-feature-storage.spec.md` → 1001, `1000/epic.md` → 1000). */
	nameId: string;
	/** The frontmatter `id`, else nameId: the id it keeps. */
	id: string;
	/** The id the current index knows it by from its path (`1001-feature-storage` for the old layout). */
	pathId: string;
	/** Every name that finds it: id, nameId, pathId, its file stem. */
	aliases: string[];
	/** From the frontmatter `type`. */
	declaredType: SpecType | null;
	/** From its name: the old layout's type word, or `epic.md`. */
	nameType: SpecType | null;
	title: string;
	/** `parent` property, else the `**Parent**:` line, as written. */
	parentRef: string | null;
	/** `context` property / `**Context**:` line, as written. */
	contextRef: string | null;
	/** Whether it is the spec its folder stands for (`epic.md`, `spec.md`, `1000/1000.spec.md`, `1001-x/1001-x.spec.md`). */
	ownsFolder: boolean;
}

export interface DetectedLayout {
	specs: FoundSpec[];
	/** Folder → the spec it stands for. */
	folderOwner: Map<string, FoundSpec>;
	/** Spec path → its context file (by name, beside it, or where its `context` link points). */
	contexts: Map<string, string>;
	/** Context-like files no spec claims: candidates for journals kept apart. */
	journals: string[];
	problems: MigrationProblem[];
}

/**
 * Finds the specs, their context files and the stray journals under the specs root, in any of
 * the old layouts docs/migration.md lists: `{id}-{type}-{slug}/` folders (flat or nested), `{id}-{type}-{slug}.spec.md`
 * files inside their parent's folder, the numeric `1000/1000.spec.md` layout with `1011.md` tasks,
 * and the reference layout itself (already in place).
 */
export function detectLayout(specsRoot: string, files: VaultTexts, resolver: LinkResolver): DetectedLayout {
	const problems: MigrationProblem[] = [];
	const specs: FoundSpec[] = [];
	const contextLike: string[] = [];
	for (const [path, text] of files) {
		const role = classifyPath(path, specsRoot);
		if (role === 'context') {
			contextLike.push(path);
			continue;
		}
		if ((role === 'other' || role === 'maybe-spec') && isJournalApart(path, specsRoot, () => typeof text === 'string' && hasNamingLine(text))) {
			contextLike.push(path);
			continue;
		}
		if ((role !== 'spec' && role !== 'maybe-spec') || text === null || text === undefined) continue;
		const spec = readFoundSpec(path, text, role === 'spec', files, problems);
		if (spec) specs.push(spec);
	}
	specs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

	const folderOwner = new Map<string, FoundSpec>();
	for (const spec of specs) {
		if (!spec.ownsFolder) continue;
		const folder = dirname(spec.path);
		const current = folderOwner.get(folder);
		// epic.md / spec.md stand for their folder before a `{id}.spec.md` named like it.
		if (!current || (isGeneric(spec.path) && !isGeneric(current.path))) folderOwner.set(folder, spec);
	}

	const specPaths = new Set(specs.map((s) => s.path));
	const contexts = new Map<string, string>();
	const claimed = new Set<string>();
	const claim = (spec: FoundSpec, path: string | null): boolean => {
		if (path === null || claimed.has(path) || !files.has(path) || path === spec.path) return false;
		if (files.get(path) === undefined) return false;
		contexts.set(spec.path, path);
		claimed.add(path);
		return true;
	};
	for (const spec of specs) {
		const folder = dirname(spec.path);
		const prefix = folder === '' ? '' : `${folder}/`;
		const stem = specStem(spec.path);
		const fromLink = spec.contextRef ? linkedPath(spec.contextRef, spec.path, resolver) : null;
		const candidates = [
			fromLink !== null && (classifyPath(fromLink, specsRoot) === 'context' || fromLink.toLowerCase().endsWith('.md')) && !specPaths.has(fromLink) ? fromLink : null,
			`${prefix}${stem}.context.md`,
			`${prefix}${spec.nameId}.context.md`,
			`${prefix}${spec.id}.context.md`,
			folderOwner.get(folder) === spec ? `${prefix}context.md` : null,
		];
		for (const c of candidates) if (claim(spec, c)) break;
	}
	const journals = contextLike.filter((p) => !claimed.has(p)).sort();
	return { specs, folderOwner, contexts, journals, problems };
}

function readFoundSpec(path: string, text: string, byName: boolean, files: VaultTexts, problems: MigrationProblem[]): FoundSpec | null {
	const meta = readSpecMetadata(text, path);
	for (const p of meta.problems) problems.push({ severity: 'warning', code: 'unreadable', path, message: p.message });
	const name = basename(path);
	const lower = name.toLowerCase();
	const stem = specStem(path);
	const folder = dirname(path);
	const folderName = basename(folder);
	const declaredType = meta.type ?? null;
	let nameId: string;
	let nameType: SpecType | null = null;
	if (lower === 'epic.md' || lower === 'spec.md') {
		nameId = folderId(folderName);
		nameType = lower === 'epic.md' ? 'epic' : (parseOldName(folderName)?.type ?? null);
	} else {
		const old = parseOldName(stem);
		nameId = old?.id ?? stem;
		nameType = old?.type ?? null;
	}
	if (!byName && declaredType === null) {
		// A plain `.md` note is a spec when its properties say so, when its name is an old-layout
		// spec name, or when it is `{id}.md` beside its `{id}.context.md` (the numeric layout's tasks).
		const prefix = folder === '' ? '' : `${folder}/`;
		const numericTask = /^\d+$/.test(stem) && files.has(`${prefix}${stem}.context.md`);
		if (nameType === null && !numericTask) return null;
	}
	const id = meta.id ?? nameId;
	const pathId = idFromSpecPath(path);
	const owns = lower === 'epic.md' || lower === 'spec.md' || folderId(folderName) === nameId || folderName === stem;
	const title = textProperty(meta.properties.title) ?? firstTitleHeading(text) ?? (parseOldName(stem)?.slug.replace(/-/g, ' ') || id);
	return {
		path,
		nameId,
		id,
		pathId,
		aliases: [...new Set([id, nameId, pathId, stem])],
		declaredType,
		nameType,
		title,
		parentRef: meta.parent ?? null,
		contextRef: meta.context ?? null,
		ownsFolder: owns,
	};
}

/** The file name without `.spec.md` (or `.md`). */
export function specStem(path: string): string {
	const name = basename(path);
	const lower = name.toLowerCase();
	if (lower.endsWith('.spec.md')) return name.slice(0, -'.spec.md'.length);
	return lower.endsWith('.md') ? name.slice(0, -3) : name;
}

function isGeneric(path: string): boolean {
	const lower = basename(path).toLowerCase();
	return lower === 'epic.md' || lower === 'spec.md';
}

/** The vault path a link (or a plain path, `specs/…/x.context.md`) written as a property or header value points to, or null. */
export function linkedPath(value: string, sourcePath: string, resolver: LinkResolver): string | null {
	const link = parseLinkText(value);
	if (link) return link.target === '' ? null : resolver.resolve(link.target, sourcePath);
	const path = value.trim().replace(/^`|`$/g, '');
	return /^[^\s[\]()<>|]+\/[^\s[\]()<>|]+\.md$/i.test(path) ? resolver.resolve(path, sourcePath) : null;
}

function textProperty(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}
