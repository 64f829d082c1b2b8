import { dirname } from '../files/paths';
import { parseLinkText } from '../links/link-parser';
import type { LinkResolver } from '../links/link-resolver';
import { enclosingSpec } from './enclosing-spec';
import type { MigrationProblem, PlannedSpec } from './migration-types';
import type { DetectedLayout, FoundSpec } from './old-layout-detection';
import { numbering } from './old-names';
import type { SpecLookup } from './spec-lookup';

/** A spec's parent, and what said so; no spec when nothing did. */
export interface Parent {
	spec: FoundSpec | null;
	from: PlannedSpec['parentFrom'];
}

export interface ParentSources {
	specsRoot: string;
	layout: DetectedLayout;
	/** Resolves links as they point before the migration. */
	before: LinkResolver;
	lookup: SpecLookup;
	/** Receives a warning for each parent property that names no spec. */
	problems: MigrationProblem[];
}

/**
 * Each spec's parent: the `parent` property or **Parent** line, then the enclosing folders, then the
 * numbering. What the author wrote wins over where the file happens to sit.
 */
export function findParents(sources: ParentSources): Map<FoundSpec, Parent> {
	const { layout } = sources;
	const byPath = new Map(layout.specs.map((s) => [s.path, s] as const));
	// A parent link may point at the parent's context: it still means the parent.
	const specOfContext = new Map<string, FoundSpec>();
	for (const [specPath, contextPath] of layout.contexts) specOfContext.set(contextPath, byPath.get(specPath) as FoundSpec);
	const parents = new Map<FoundSpec, Parent>();
	for (const s of layout.specs) {
		let parent: Parent = { spec: null, from: null };
		if (s.parentRef !== null) {
			const target = propertyParent(s, s.parentRef, sources, (path) => byPath.get(path) ?? specOfContext.get(path) ?? null);
			if (target && target !== s) parent = { spec: target, from: 'property' };
			else
				sources.problems.push({
					severity: 'warning',
					code: 'unknown-parent',
					path: s.path,
					message: `${s.path}: parent ${s.parentRef} is not a spec; placed by its folder or its id instead`,
				});
		}
		if (!parent.spec) {
			const folder = s.ownsFolder ? dirname(dirname(s.path)) : dirname(s.path);
			const owner = enclosingSpec({ folderOwner: layout.folderOwner, specsRoot: sources.specsRoot, folder, except: s });
			if (owner) parent = { spec: owner.spec, from: 'folder' };
		}
		if (!parent.spec) {
			const byNumber = numbering(s.id)?.parent;
			const target = byNumber ? sources.lookup(byNumber) : null;
			if (target && target !== s) parent = { spec: target, from: 'numbering' };
		}
		parents.set(s, parent);
	}
	return parents;
}

/** The spec a parent property names: by its link's target, or by any name the spec goes by. */
function propertyParent(s: FoundSpec, ref: string, sources: ParentSources, specAt: (path: string) => FoundSpec | null): FoundSpec | null {
	const link = parseLinkText(ref);
	if (!link) return sources.lookup(ref.replace(/^["']|["']$/g, ''));
	const path = link.target === '' ? null : sources.before.resolve(link.target, s.path);
	return path === null ? null : specAt(path);
}
