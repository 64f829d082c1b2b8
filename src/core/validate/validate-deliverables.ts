import { parseDeliverables, Deliverable } from '../context/registry';
import { baselineOf } from '../deliverables/deliverable-drift';
import { canHoldTraceback } from '../deliverables/file-kind';
import { TRACEBACK_FIELDS, tracesBack } from '../deliverables/leading-comments';
import { basename } from '../files/paths';
import { parseLinkText } from '../links/link-parser';
import { Spec } from '../index/spec';
import { FileFacts, propertyItemLine, VaultFacts } from './validate-facts';
import { Finding, nameSome } from './validate-types';
import { addRegistryEntry, addToDeliverablesProperty, registryEditFor } from '../edits/registry-entry';
import { guessPath, itemPath, ownFile, specOfTracedFile, specOfTracedId } from '../deliverables/spec-deliverables';
import { commentStyleFor, pathWritable, withTracebackPaths, type TracebackRef } from '../edits/traceback-header';
import { Workspace } from '../workspace/workspace';

/**
 * Deliverables (docs/formats.md): every registry entry points to a file that exists; every file in a
 * deliverables folder is listed in its spec's and its context's `## Deliverables` (or their
 * `deliverables` property, which counts the same); every file that can hold a comment carries a
 * traceback header.
 */

interface Registration {
	spec: Spec;
	/** The spec or context file holding the registry. */
	file: string;
	isContext: boolean;
	/** The registry line; null for an item of a `deliverables` property. */
	entry: Deliverable | null;
}

export interface DeliverableFindings {
	findings: Finding[];
	/** `path\0offset` of registry links already reported as missing deliverables (not again as broken links). */
	reported: Set<string>;
}

export function checkDeliverables(ws: Workspace, facts: VaultFacts, specs: readonly Spec[], contexts: Map<Spec, FileFacts>): DeliverableFindings {
	const registries = new RegistryReader(ws, facts);
	for (const spec of specs) registries.readSpec(spec, contexts.get(spec));
	const { findings, reported, registered } = registries;
	for (const path of facts.paths) {
		if (facts.role(path) !== 'deliverable') continue;
		findings.push(...deliverableFindings(ws, facts, { path, registrations: registered.get(path) ?? [], contexts }));
	}
	return { findings, reported };
}

/** Reads every registry (sections and `deliverables` properties), noting what each registers and which entries point nowhere. */
class RegistryReader {
	readonly findings: Finding[] = [];
	readonly reported = new Set<string>();
	readonly registered = new Map<string, Registration[]>();

	constructor(
		private readonly ws: Workspace,
		private readonly facts: VaultFacts,
	) {}

	/** The spec's registries, then its context's, in that order. */
	readSpec(spec: Spec, context: FileFacts | undefined): void {
		const specFile = this.facts.get(spec.path);
		if (specFile) this.readSection(spec, specFile, false);
		if (specFile && spec.deliverableProperty.length > 0) this.readProperty(spec, specFile, spec.deliverableProperty, false);
		if (context) this.readSection(spec, context, true);
		const contextItems = context?.markdown ? this.facts.meta(context).deliverables : [];
		if (context && contextItems.length > 0) this.readProperty(spec, context, contextItems, true);
	}

	private register(path: string, registration: Registration): void {
		const list = this.registered.get(path);
		if (list) list.push(registration);
		else this.registered.set(path, [registration]);
	}

	private readSection(spec: Spec, file: FileFacts, isContext: boolean): void {
		const section = this.facts.outline(file).deliverables;
		if (!section) return;
		// Body links come first in file.links, in text order, as do the registry's entries: walk both.
		const links = file.links;
		let i = 0;
		for (const entry of parseDeliverables(file.text, section.headingEnd, section.end).entries) {
			if ((entry.kind !== 'wikilink' && entry.kind !== 'markdown') || entry.linkStart === null) continue;
			while (i < links.length && links[i].where === 'body' && links[i].start < entry.linkStart) i++;
			const link = i < links.length && links[i].where === 'body' && links[i].start === entry.linkStart ? links[i] : undefined;
			// A link the parser does not see (inside code) is not a link.
			if (!link) continue;
			const resolved = ownFile(this.ws, link.resolved, guessPath(link.target, file.path));
			if (resolved === null) {
				this.reported.add(`${file.path}\0${link.start}`);
				// A link Obsidian follows into a backup copy still opens a file: say which, or the error reads as wrong.
				const copy = link.resolved === null ? '' : `; the link leads into the copy ${link.resolved}`;
				this.findings.push({
					severity: 'error',
					code: 'missing-deliverable',
					path: file.path,
					line: link.line,
					message: `${file.path} line ${link.line}: registered deliverable ${link.raw} does not exist${copy}`,
				});
				continue;
			}
			this.register(resolved, { spec, file: file.path, isContext, entry });
			if (isContext && entry.baseline !== null) this.checkBaseline(spec, file, link.line, resolved, entry.baseline);
		}
	}

	/** A deliverable whose text no longer matches its registry entry's baseline changed since review (docs/formats.md, Deliverables). */
	private checkBaseline(spec: Spec, file: FileFacts, line: number, path: string, baseline: string): void {
		const deliverable = this.facts.get(path);
		if (!deliverable || baselineOf(deliverable.text) === baseline) return;
		this.findings.push({
			severity: 'warning',
			code: 'changed-since-review',
			path: file.path,
			line,
			message: `${file.path} line ${line}: ${path} changed since review (accept it with: spec-work review ${spec.id} --accept)`,
		});
	}

	/** A `deliverables` property registers as its note's `## Deliverables` section does. */
	private readProperty(spec: Spec, file: FileFacts, items: readonly string[], isContext: boolean): void {
		const missing: MissingItem[] = [];
		for (const item of items) {
			const found = this.ws.index.resolveFileRef(item, file.path);
			const path = ownFile(this.ws, found, itemPath(this.ws, item, file.path));
			if (path === null) missing.push({ item, copy: found });
			else this.register(path, { spec, file: file.path, isContext, entry: null });
		}
		if (missing.length === 0) return;
		for (const link of file.links) {
			if (link.where === 'property' && link.resolved === null && link.field?.toLowerCase() === 'deliverables') this.reported.add(`${file.path}\0${link.start}`);
		}
		this.findings.push(missingItems(file, missing));
	}
}

/** What is wrong with one file in a deliverables folder: registrations its owners lack, then its traceback. */
function deliverableFindings(
	ws: Workspace,
	facts: VaultFacts,
	{ path, registrations, contexts }: { path: string; registrations: readonly Registration[]; contexts: Map<Spec, FileFacts> },
): Finding[] {
	const findings: Finding[] = [];
	const file = facts.get(path);
	for (const spec of ownersOf(ws, path, file, registrations)) {
		const inSpec = registrations.find((r) => r.spec === spec && !r.isContext);
		const inContext = registrations.find((r) => r.spec === spec && r.isContext);
		const context = contexts.get(spec);
		const missing = { spec, deliverable: path, file };
		if (!inSpec) findings.push(unregistered(ws, facts, { ...missing, registryPath: spec.path, isContext: false, other: inContext?.entry ?? null }));
		if (context && !inContext) findings.push(unregistered(ws, facts, { ...missing, registryPath: context.path, isContext: true, other: inSpec?.entry ?? null }));
	}
	if (file && canHoldTraceback(path, file.text) && !hasTraceback(file)) {
		findings.push({
			severity: 'warning',
			code: 'no-traceback',
			path,
			message: file.markdown
				? `${path}: no traceback to its spec (a "spec" property or a <!-- Spec: … --> comment)`
				: `${path}: no traceback header to its spec (a "Generated from:" comment line at the top)`,
		});
	}
	const linked = file ? wikilinkHeader(file) : null;
	if (linked) findings.push(linked);
	return findings;
}

/**
 * The specs owed a registration of a deliverable: the spec its traceback names (a task's script
 * in its feature's folder is the task's, whoever else lists it); else the specs registering it,
 * in order of first registration; else the spec whose folder holds it.
 */
function ownersOf(ws: Workspace, path: string, file: FileFacts | null, regs: readonly Registration[]): Spec[] {
	const traced = file ? tracedSpecOf(ws, file) : null;
	if (traced) return [traced];
	const owners: Spec[] = [];
	for (const r of regs) if (!owners.includes(r.spec)) owners.push(r.spec);
	if (owners.length > 0) return owners;
	const owner = ws.index.specForPath(path);
	return owner ? [owner] : [];
}

/**
 * The spec a deliverable's traceback names, from the links the facts resolved already (as
 * tracedSpec reads it from the text): a `Generated from:`/`Spec:` line, a `spec` property, or
 * a markdown deliverable's `<!-- Spec: … -->` comment; else an id in its `spec` property.
 */
function tracedSpecOf(ws: Workspace, file: FileFacts): Spec | null {
	const comments = file.markdown ? file.comments.filter((f) => TRACEBACK_FIELDS.has(f.name)) : [];
	for (const link of file.links) {
		if (link.resolved === null) continue;
		const traceback =
			link.where === 'body'
				? comments.some((f) => link.start >= f.valueStart && link.start < f.valueStart + f.value.length)
				: link.field !== undefined && TRACEBACK_FIELDS.has(fieldName(link.field));
		const spec = traceback ? specOfTracedFile(ws, link.resolved) : null;
		if (spec) return spec;
	}
	if (!file.markdown) return null;
	for (const [key, value] of Object.entries(file.properties)) {
		if (typeof value !== 'string' || !TRACEBACK_FIELDS.has(fieldName(key)) || parseLinkText(value) !== null) continue;
		const spec = specOfTracedId(ws, value.trim());
		if (spec) return spec;
	}
	return null;
}

/**
 * A script or config file whose traceback names its spec or context with a `[[wikilink]]`, as
 * deliver wrote it before: Obsidian indexes no link in such a file, so it is followed nowhere.
 * Still a traceback (no `no-traceback`, and the report attributes it); the fix writes the vault
 * paths the links resolve to, touching only the links. A warning, so that `validate --fix` is
 * what rewrites a file someone wrote: nothing else does.
 */
export function wikilinkHeader(file: FileFacts): Finding | null {
	if (file.markdown) return null;
	const style = commentStyleFor(file.path, file.text);
	const refs: TracebackRef[] = [];
	for (const link of file.links) {
		if (link.where !== 'traceback' || link.resolved === null || !link.raw.startsWith('[[')) continue;
		// Only a link that is the whole value: a path with more text after it is not read as one.
		if (!file.comments.some((f) => f.valueStart === link.start && f.value.trim() === link.raw)) continue;
		if (pathWritable(link.resolved, style)) refs.push({ start: link.start, raw: link.raw, path: link.resolved });
	}
	if (refs.length === 0) return null;
	const line = file.lineOf(refs[0].start);
	return {
		severity: 'warning',
		code: 'traceback-wikilink',
		path: file.path,
		line,
		message: `${file.path} line ${line}: the traceback header links ${refs[0].raw}, which Obsidian does not follow outside a note; the fix writes the vault path ${refs[0].path}`,
		fix: async (changes) => {
			await changes.modify(file.path, (text) => withTracebackPaths(file.path, text, refs));
		},
	};
}

/** A property or comment name as TRACEBACK_FIELDS holds it: `Generated_From` → `generated from`. */
function fieldName(key: string): string {
	return key.toLowerCase().replace(/[_-]+/g, ' ');
}

/** An item of a `deliverables` property that names no file of its spec; `copy`: the backup copy it leads into instead. */
interface MissingItem {
	item: string;
	copy: string | null;
}

/** One warning for the items of a note's `deliverables` property that point at no file. */
function missingItems(file: FileFacts, missing: MissingItem[]): Finding {
	const line = propertyItemLine(file, 'deliverables', missing[0].item);
	const one = missing.length === 1;
	const copies = missing.filter((m) => m.copy !== null).map((m) => `; ${m.item} leads into the copy ${m.copy}`);
	return {
		severity: 'warning',
		code: 'missing-deliverable',
		path: file.path,
		line,
		message: `${file.path}${line ? ` line ${line}` : ''}: registered deliverable${one ? '' : 's'} ${nameSome(missing.map((m) => m.item))} (deliverables property) ${one ? 'does' : 'do'} not exist${copies.join('')}`,
	};
}

function hasTraceback(file: FileFacts): boolean {
	if (tracesBack(file.comments)) return true;
	if (!file.markdown) return false;
	return Object.entries(file.properties).some(([key, value]) => TRACEBACK_FIELDS.has(fieldName(key)) && value !== null && value !== undefined && value !== '');
}

/** A deliverable one of its owner's registries leaves out. */
interface Unregistered {
	spec: Spec;
	deliverable: string;
	file: FileFacts | null;
	/** The spec or context that should list it. */
	registryPath: string;
	isContext: boolean;
	/** The owner's other registry entry for it, whose alias and purpose the fix copies. */
	other: Deliverable | null;
}

function unregistered(ws: Workspace, facts: VaultFacts, { spec, deliverable, file, registryPath, isContext, other }: Unregistered): Finding {
	const line = headingLine(facts, registryPath);
	const where = line === undefined ? `${registryPath}:` : `${registryPath} line ${line}:`;
	const alias = other?.alias ?? titleOf(file) ?? basename(deliverable);
	const purpose = isContext ? (other?.purpose ?? purposeOf(file)) : null;
	return {
		severity: 'warning',
		code: 'unregistered-deliverable',
		path: registryPath,
		line,
		message: `${where} ${deliverable} is not listed under ## Deliverables`,
		fix: async (changes) => {
			// A spec that keeps a `deliverables` list (and no section) gets the file in that list, as `deliver` does.
			const inList = (text: string): string | null => (isContext ? null : addToDeliverablesProperty(text, registryPath, deliverable));
			await changes.modify(
				registryPath,
				(text) =>
					inList(text) ??
					addRegistryEntry(
						text,
						registryPath,
						deliverable,
						registryEditFor(ws, { spec, notePath: registryPath, note: isContext ? 'context' : 'spec', deliverable, title: alias, purpose }),
					),
			);
		},
	};
}

/** The line of the registry's `## Deliverables` heading, looked up once per file. */
function headingLine(facts: VaultFacts, path: string): number | undefined {
	const file = facts.get(path);
	if (!file) return undefined;
	const heading = facts.outline(file).deliverables;
	return heading ? file.lineOf(heading.headingStart) : undefined;
}

/** A markdown deliverable's title: its `title` property or first heading. */
function titleOf(file: FileFacts | null): string | null {
	// An Excalidraw drawing's markdown holds the plugin's own headings (`# Text Elements`), not a title.
	if (!file?.markdown || file.properties['excalidraw-plugin'] !== undefined) return null;
	const title = file.properties.title;
	if (typeof title === 'string' && title.trim() !== '') return title.trim();
	const h1 = /^#[ \t]+(.+?)[ \t]*$/m.exec(file.text.slice(0, 4000));
	return h1 ? h1[1] : null;
}

/** The purpose a deliverable states: its traceback `Purpose:` line or `purpose` property. */
function purposeOf(file: FileFacts | null): string | null {
	if (!file) return null;
	const field = file.comments.find((f) => f.name === 'purpose')?.value.trim();
	if (field) return field;
	const prop = file.properties.purpose;
	return typeof prop === 'string' && prop.trim() !== '' ? prop.trim() : null;
}
