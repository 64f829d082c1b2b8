import { formatLocalDateTime } from '../context/duration';
import { Spec } from '../index/spec';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { findSection, parseSections } from '../markdown/sections';
import { specHeadingTitle } from '../templates/spec-templates';
import { contextTemplate } from '../templates/context-template';
import { contextDeliverables } from './context-deliverables';
import { requireOwnContext } from './context-ownership';
import { ChangeSet } from '../workspace/file-changes';
import { setField } from './spec-fields';
import { linkTo, Workspace } from '../workspace/workspace';

/**
 * Makes sure the spec has a context file, planning its creation from the reference layout's template when it
 * has none: the spec's status, Summary from the spec's overview, `## Deliverables` pre-filled from
 * the spec's own list, properties only when the spec has them, and the spec ↔ context links both
 * ways. Returns the context's path.
 */
export async function ensureContextFile(ws: Workspace, changes: ChangeSet, spec: Spec): Promise<{ path: string; created: boolean }> {
	const path = ws.index.contextPathOf(spec);
	if (await changes.exists(path)) {
		requireOwnContext(ws, spec, path, await changes.read(path));
		return { path, created: false };
	}
	const parent = ws.index.parentOf(spec);
	const specText = await changes.read(spec.path);
	const stamp = formatLocalDateTime(ws.now());
	changes.create(
		path,
		contextTemplate({
			title: spec.title,
			specLink: linkTo(ws, path, spec.path, specHeadingTitle(spec.id, spec.title)),
			parentLink: parent ? linkTo(ws, path, parent.path, specHeadingTitle(parent.id, parent.title)) : null,
			status: spec.status ?? (spec.statusRaw || 'planning'),
			created: stamp,
			summary: overviewParagraph(specText),
			deliverables: contextDeliverables(ws, spec.path, specText, path),
			// The journal is kept the way its spec is: with properties, or with header lines alone.
			frontmatter: findFrontmatter(specText) !== null,
		}),
	);
	if (!spec.contextRef) {
		const link = linkTo(ws, spec.path, path, 'Implementation Journal');
		await changes.modify(spec.path, (text) => setField(text, spec.path, 'context', link));
	}
	return { path, created: true };
}

/** The first paragraph of the spec's `## Overview` (or `## Summary`), for the context's Summary. */
export function overviewParagraph(specText: string): string | undefined {
	const root = parseSections(specText);
	const overview = findSection(root, ['Overview']) ?? findSection(root, ['Summary']);
	if (!overview) return undefined;
	const body = specText
		.slice(overview.headingEnd, overview.children[0]?.headingStart ?? overview.end)
		.replace(/\r\n/g, '\n')
		.trim();
	const para = body.split(/\n\s*\n/)[0]?.trim();
	return para ? para : undefined;
}
