import { Spec } from '../index/spec';
import { parseLinks, parseLinkText } from '../links/link-parser';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { flattenSections, parseSections } from '../markdown/sections';
import { readHeaderFields } from '../metadata/header-lines';
import { addToListProperty } from '../metadata/list-property';
import { findTopLevelEntries } from '../metadata/yaml-entries';
import { specHeadingTitle } from '../templates/spec-templates';
import { addToChildList, CHILD_LIST } from '../edits/child-list';
import { specOfSpecLine } from '../edits/context-ownership';
import { setField } from '../edits/spec-fields';
import { FileFacts, propertyItemLine, VaultFacts } from './validate-facts';
import { ChildLists, Listing } from './validate-child-lists';
import { Finding, nameSome } from './validate-types';
import { WorkflowError } from '../workspace/workflow-error';
import { linkTo, Workspace } from '../workspace/workspace';

/**
 * Checks between notes (docs/formats.md): spec ↔ context links both ways, parent ↔ child links,
 * and properties that disagree with their header lines.
 */

export interface SpecFindings {
	findings: Finding[];
	/** `path\0target` of parent links already reported as unknown parents (not again as broken links). */
	reported: Set<string>;
}

/** The header line names each metadata field may be written under (readSpecMetadata's fields). */
const HEADER_NAMES: Record<string, string[]> = {
	status: ['status'],
	parent: ['parent'],
	context: ['context'],
	spec: ['spec', 'specification'],
	created: ['created'],
	updated: ['updated'],
};

/** `inCycle`: specs whose parents form a cycle (reported once as such): not told to list each other as children. */
export function checkSpecs(ws: Workspace, facts: VaultFacts, specs: readonly Spec[], contexts: Map<Spec, FileFacts>, inCycle: ReadonlySet<Spec> = new Set()): SpecFindings {
	const findings: Finding[] = [];
	const reported = new Set<string>();
	const lists = new ChildLists(ws, facts, specs);

	for (const spec of specs) {
		const file = facts.get(spec.path);
		if (!file) continue;
		const context = contexts.get(spec);
		if (context) findings.push(...contextLinks(ws, facts, spec, file, context));

		// Parent ↔ child.
		let parentKnown = true;
		if (spec.parentRef !== null && ws.index.resolveSpecRef(spec.parentRef, spec.path) === null) {
			parentKnown = false;
			const line = fieldLine(file, 'parent', ['parent']);
			const link = parseLinkText(spec.parentRef);
			if (link) reported.add(`${spec.path}\0${link.target}`);
			findings.push({
				severity: 'error',
				code: 'unknown-parent',
				path: spec.path,
				line,
				message: `${spec.path}${line ? ` line ${line}` : ''}: parent ${spec.parentRef} is not a spec`,
			});
		}
		const parent = parentKnown ? ws.index.parentOf(spec) : null;
		const bothInCycle = parent !== null && inCycle.has(spec) && inCycle.has(parent);
		const parentFile = parent ? facts.get(parent.path) : null;
		if (parent && parentFile && !bothInCycle && !lists.of(parent).has(spec.path)) findings.push(...notListed(ws, lists, parent, parentFile, spec));
		if (spec.childRefs.length > 0) findings.push(...childPropertyFindings(ws, spec, file, reported));
	}

	// Properties against header lines, in specs and contexts.
	const seen = new Set<string>();
	const metaFiles = [...specs.map((s) => facts.get(s.path)), ...contexts.values()];
	for (const file of metaFiles) {
		if (!file || seen.has(file.path)) continue;
		seen.add(file.path);
		findings.push(...mismatches(facts, file));
	}
	return { findings, reported };
}

function contextLinks(ws: Workspace, facts: VaultFacts, spec: Spec, file: FileFacts, context: FileFacts): Finding[] {
	const out: Finding[] = [];
	if (!file.targets.has(context.path) && !refersTo(ws, spec.contextRef, spec.path, context.path)) {
		const fixable = spec.contextRef === null && file.yamlError === null;
		out.push({
			severity: 'warning',
			code: 'missing-context-link',
			path: spec.path,
			message: `${spec.path}: does not link to its context file ${context.path}`,
			fix: fixable
				? async (changes) => {
						const link = linkTo(ws, spec.path, context.path, 'Implementation Journal');
						await changes.modify(spec.path, (text) => setField(text, spec.path, 'context', link));
					}
				: undefined,
		});
	}
	const meta = facts.meta(context);
	const byField = meta.spec !== undefined && specOfSpecLine(ws, meta.spec, context.path) === spec;
	if (!context.targets.has(spec.path) && !byField && !namesSpecFile(ws, context, spec.path)) {
		const fixable = meta.spec === undefined && context.yamlError === null;
		out.push({
			severity: 'warning',
			code: 'missing-spec-link',
			path: context.path,
			message: `${context.path}: does not link back to its spec ${spec.path}`,
			fix: fixable
				? async (changes) => {
						const link = linkTo(ws, context.path, spec.path, specHeadingTitle(spec.id, spec.title));
						await changes.modify(context.path, (text) => setField(text, context.path, 'spec', link));
					}
				: undefined,
		});
	}
	return out;
}

/**
 * Journals written by hand or by agents name their spec's file in a header line
 * (`**Spec File**: specs/1000/1001/1014.spec.md`, in backticks or not): a reader finds the spec
 * by it, so it links back as a `**Spec**:` line does.
 */
const SPEC_FILE_FIELDS = ['spec file', 'spec path'];

function namesSpecFile(ws: Workspace, context: FileFacts, specPath: string): boolean {
	if (!context.markdown) return false;
	const fields = readHeaderFields(context.text);
	return SPEC_FILE_FIELDS.some((name) => {
		const value = fields
			.get(name)
			?.value.trim()
			.replace(/^`(.*)`$/, '$1');
		return value !== undefined && refersTo(ws, value, context.path, specPath);
	});
}

/** A `context` field written as a plain path (`context: 1014.context.md`) links too. */
function refersTo(ws: Workspace, ref: string | null, source: string, target: string): boolean {
	if (ref === null) return false;
	const path = parseLinkText(ref)?.target ?? ref.trim();
	return path !== '' && ws.links.resolve(path, source) === target;
}

/**
 * What a `children` property lists that is not a child of the spec: items that name no spec (one
 * warning for all of them), and specs whose parent is another spec.
 */
function childPropertyFindings(ws: Workspace, spec: Spec, file: FileFacts, reported: Set<string>): Finding[] {
	const out: Finding[] = [];
	const unknown: string[] = [];
	const seen = new Set<Spec>([spec]);
	for (const ref of spec.childRefs) {
		const child = ws.index.resolveSpecRef(ref, spec.path);
		if (child === null) {
			unknown.push(ref);
			// A link that names no spec is reported here, not again as a broken link.
			const link = parseLinkText(ref);
			if (link) reported.add(`${spec.path}\0${link.target}`);
			continue;
		}
		if (seen.has(child)) continue;
		seen.add(child);
		const parent = ws.index.parentOf(child);
		if (parent && parent !== spec) out.push(childOfOther(ws, { spec, file, ref, child, parent }));
	}
	if (unknown.length > 0) {
		const line = propertyItemLine(file, 'children', unknown[0]);
		out.push({
			severity: 'warning',
			code: 'unknown-child',
			path: spec.path,
			line,
			message: `${spec.path}${line ? ` line ${line}` : ''}: children lists ${nameSome(unknown, (ref) => JSON.stringify(ref))}, which ${unknown.length === 1 ? 'is not a spec' : 'are not specs'}`,
		});
	}
	return out;
}

/** `spec`'s children list names `child` (as `ref`), whose own parent is another spec. */
function childOfOther(ws: Workspace, { spec, file, ref, child, parent }: { spec: Spec; file: FileFacts; ref: string; child: Spec; parent: Spec }): Finding {
	const line = propertyItemLine(file, 'children', ref);
	return {
		severity: 'warning',
		code: 'misplaced-child',
		path: spec.path,
		line,
		message: `${spec.path}${line ? ` line ${line}` : ''}: children lists ${ws.index.typeOf(child)} ${child.id} (${child.path}), whose parent is ${parent.id} (${parent.path})`,
	};
}

/**
 * What to say of a child its parent does not list. Listed by another spec instead (not an ancestor,
 * which may list its grandchildren), the child's parent and that list disagree: which is wrong is
 * the owner's call, so the list that names it is reported and no second parent is told to list it.
 * A child sharing its id with another spec (a sync-conflict copy) is reported as duplicate-id: that
 * its twin is the one listed, or is its parent, follows from it, and no fix lists either.
 */
function notListed(ws: Workspace, lists: ChildLists, parent: Spec, parentFile: FileFacts, child: Spec): Finding[] {
	const twins = ws.index.idTwins(child);
	if (twins.length > 0) {
		if (twins.includes(parent) || twins.some((twin) => lists.of(parent).has(twin.path))) return [];
		return [{ ...unlistedChild(ws, parent, parentFile, child), fix: undefined }];
	}
	const ancestors = new Set(ws.index.ancestorsOf(child));
	const others = lists.listersOf(child).filter((spec) => spec !== child && !ancestors.has(spec));
	if (others.length === 0) return [unlistedChild(ws, parent, parentFile, child)];
	const out: Finding[] = [];
	for (const other of others) {
		const listing = lists.of(other).get(child.path);
		// A children property naming it is reported as misplaced-child already (childPropertyFindings).
		if (listing && listing.heading !== null) out.push(listedElsewhere(ws, other, listing, child, parent));
	}
	return out;
}

/** `spec`'s Features/Tasks list names `child`, whose parent (by its parent link, else its folder) is `parent`. */
function listedElsewhere(ws: Workspace, spec: Spec, listing: Listing, child: Spec, parent: Spec): Finding {
	const line = listing.line;
	const by = child.parentRef !== null ? 'its parent link names' : 'it sits in the folder of';
	return {
		severity: 'warning',
		code: 'misplaced-child',
		path: spec.path,
		line,
		message: `${spec.path}${line ? ` line ${line}` : ''}: ${listing.heading} lists ${ws.index.typeOf(child)} ${child.id} (${child.path}), but ${by} ${parent.id} (${parent.path}); correct the one that is wrong`,
	};
}

function unlistedChild(ws: Workspace, parent: Spec, parentFile: FileFacts, child: Spec): Finding {
	const type = ws.index.typeOf(child);
	// A parent that keeps a `children` property gets the child added there, not a second list.
	if (parent.childRefs.length > 0) {
		return {
			severity: 'warning',
			code: 'unlisted-child',
			path: parent.path,
			message: `${parent.path}: does not list its ${type} ${child.id} (${child.path}) in its children property`,
			fix:
				parentFile.yamlError === null
					? async (changes) => {
							await changes.modify(parent.path, (text) => addToChildrenProperty(text, parent.path, child.id));
						}
					: undefined,
		};
	}
	const heading = type === 'task' ? 'Tasks' : 'Features';
	return {
		severity: 'warning',
		code: 'unlisted-child',
		path: parent.path,
		message: `${parent.path}: does not list its ${type} ${child.id} (${child.path}) under ## ${heading}`,
		fix: async (changes) => {
			const link = linkTo(ws, parent.path, child.path, specHeadingTitle(child.id, child.title));
			await changes.modify(parent.path, (text) => addChildLink(ws, text, parent.path, child.path, heading, link));
		},
	};
}

/** Adds `- link` to the parent's Features/Tasks list (as new spec does), unless a child list links the child already. */
export function addChildLink(ws: Workspace, text: string, parentPath: string, childPath: string, heading: 'Features' | 'Tasks', link: string): string {
	const lists = flattenSections(parseSections(text)).filter((s) => CHILD_LIST.test(s.title));
	const linked = lists.some((s) => parseLinks(text, { from: s.headingEnd, to: s.end }).some((l) => l.target !== '' && ws.links.resolve(l.target, parentPath) === childPath));
	return linked ? text : addToChildList(text, parentPath, heading, `- ${link}`);
}

/** Adds an id to a note's `children` property in its owner's style (addToListProperty); refuses a list it cannot extend in place. */
export function addToChildrenProperty(text: string, path: string, id: string): string {
	const out = addToListProperty(text, 'children', id, { createMissing: true });
	if (out === null) throw new WorkflowError('not-fixable', `${path}: the children property is not a one-line [...] list or a list of "- id" lines; add ${id} by hand`, path);
	return out;
}

/**
 * Properties that disagree with their header lines. Never fixed: which value is right is the
 * owner's call, and rewriting either loses the other (`Completed` is work done, `planning` a plan).
 * An empty side is no disagreement (readSpecMetadata reads the other), so there is nothing safe to do.
 */
function mismatches(facts: VaultFacts, file: FileFacts): Finding[] {
	const out: Finding[] = [];
	const found = facts.meta(file).mismatches;
	if (found.length === 0) return out;
	const headers = readHeaderFields(file.text);
	for (const m of found) {
		const names = HEADER_NAMES[m.field] ?? [m.field];
		const header = names.map((n) => headers.get(n)).find((h) => h !== undefined);
		const line = header ? file.lineOf(header.lineStart) : undefined;
		const name = header?.name ?? m.field;
		out.push({
			severity: 'warning',
			code: 'mismatch',
			path: file.path,
			line,
			message: `${file.path}${line ? ` line ${line}` : ''}: ${m.field} property "${m.property}" disagrees with **${name}**: ${m.header} (the property wins); change the one that is wrong`,
		});
	}
	return out;
}

/** The line of a property (when the note has it) or else of its header line. */
function fieldLine(file: FileFacts, property: string, headers: string[]): number | undefined {
	const bounds = findFrontmatter(file.text);
	if (bounds && file.yamlError === null) {
		const entry = findTopLevelEntries(file.text, bounds).find((e) => e.key.toLowerCase() === property);
		if (entry) return file.lineOf(entry.keyLine.start);
	}
	const fields = readHeaderFields(file.text);
	const header = headers.map((h) => fields.get(h)).find((h) => h !== undefined);
	return header ? file.lineOf(header.lineStart) : undefined;
}
