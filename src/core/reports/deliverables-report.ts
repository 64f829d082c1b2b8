import { readIfText } from '../files/file-text';
import { extension } from '../files/paths';
import { classifyPath, reportPath } from '../index/discovery';
import { detectEol, withEol } from '../markdown/eol';
import { readFrontmatter } from '../metadata/frontmatter';
import { formatFrontmatter } from '../templates/markdown-blocks';
import { specHeadingTitle } from '../templates/spec-templates';
import { Backlinks, scanBacklinks } from './backlinks';
import { isBinary, isBinaryPath } from '../deliverables/file-kind';
import { lineStatistics, readDeliverableHeader } from '../deliverables/deliverable-file';
import { formatDeliverablesReport } from './deliverables-report-format';
import { qualityMetrics, type QualityMetrics } from './deliverables-quality';
import { ChangeSet } from '../workspace/file-changes';
import { WorkflowError } from '../workspace/workflow-error';
import { readSpecContext } from './progress-rollup';
import { externalCommands, isShellScript } from '../deliverables/shell-commands';
import { scriptDependencies } from '../deliverables/script-dependencies';
import { CodeChange, collectDeliverables, type SpecDeliverable } from '../deliverables/spec-deliverables';
import { specUsage, SpecUsage } from './spec-usage';
import { deliverableDrift, type DriftState } from '../deliverables/deliverable-drift';
import { commitChanges, linkTo, requireSpec, Workspace } from '../workspace/workspace';

export { formatDeliverablesReport } from './deliverables-report-format';
export type { Backlink, Backlinks } from './backlinks';
export type { SpecUsage } from './spec-usage';
export type { QualityFigure, QualityMetrics } from './deliverables-quality';

export interface ReportDeliverable {
	/** Type folder: scripts, docs, config, or a custom one. */
	type: string;
	path: string;
	/** The registry link's alias, else the file name. */
	title: string;
	/** Registry text after the link, else the header's `Purpose:`, else a markdown file's `purpose` property. */
	purpose: string | null;
	/** Size in bytes; null when the file is missing. */
	bytes: number | null;
	/** null when the file is missing or binary. */
	lines: number | null;
	exists: boolean;
	/**
	 * true when the file traces back to its spec (`Generated from:` in its leading comments, a
	 * markdown `spec` property or `<!-- Spec: … -->`); false when it does not; null when the
	 * format has no comments (JSON, CSV, plain text, binary files: exempt), the file lies outside
	 * every `deliverables/` folder (a shared doc, source code: not written for this spec) or is missing.
	 */
	traceback: boolean | null;
	/**
	 * Scripts: the tools they need beyond a stock Linux host (`nc`, `dd`), in the order they
	 * appear (shell scripts only; see `dependenciesScanned` and script-dependencies.ts).
	 */
	dependencies: string[];
	/** Scripts: every external command they call, sorted (basics such as `mkdir` included). */
	commands: string[];
	dependenciesScanned: boolean;
	/** Docs: lines / 50, rounded up (an empty file has 0): about a printed page of markdown each. */
	pages: number | null;
	/** Docs: `Markdown`, else the extension in capitals. */
	format: string;
	/** Config: the header's `Target:` line. */
	target: string | null;
	commentLines: number | null;
	blankLines: number | null;
	inContextRegistry: boolean;
	inSpecList: boolean;
	/**
	 * The file against its baseline in the registry (docs/formats.md): `changed` since review,
	 * `new` (no baseline yet), `unchanged`, `renamed`, `deleted` or `unreadable` (binary); null
	 * when the context's registry does not link it (listed only in the spec).
	 */
	drift: DriftState | null;
}

export interface IntegrationPointInfo {
	name: string;
	location: string | null;
	note: string | null;
}

export interface DeliverablesReport {
	id: string;
	title: string;
	/** The spec's path. */
	path: string;
	deliverables: ReportDeliverable[];
	usedBy: SpecUsage[];
	integrationPoints: IntegrationPointInfo[];
	statistics: { totalLines: number; byType: Record<string, number>; commentLines: number; blankLines: number };
	/** Scripts tested, docs reviewed, integration tests passed, from what the journal records. */
	quality: QualityMetrics;
	/** Registered deliverables whose file is gone. */
	missing: string[];
	/** Deliverables whose file changed since the spec was last reviewed (differs from its baseline). */
	changedSinceReview: string[];
	/** Existing deliverables that could carry a traceback header and do not. */
	withoutTraceback: string[];
	/** The context's Code Changes entries (paths in the code repository, not vault files). */
	codeChanges: CodeChange[];
}

/** Lines per printed page for the docs table's Pages column. */
export const LINES_PER_PAGE = 50;

/**
 * The deliverables report as data (the CLI's `deliverables --json`; docs/cli.md shows it). `backlinks`
 * defaults to a scan of every note in the store; the plugin passes one built from its metadata cache.
 */
export async function deliverablesReport(ws: Workspace, id: string, backlinks?: Backlinks): Promise<DeliverablesReport> {
	const spec = requireSpec(ws, id);
	const { path: contextPath, context } = await readSpecContext(ws, spec);
	const { deliverables: refs, codeChanges } = await collectDeliverables(ws, spec, { path: contextPath, file: context });
	const deliverables: ReportDeliverable[] = [];
	const drift = new Map((await deliverableDrift(ws, contextPath, context)).map((d) => [d.path, d.state]));
	for (const ref of refs) deliverables.push({ ...(await reportDeliverable(ws, ref)), drift: drift.get(ref.path) ?? null });
	const existing = deliverables.filter((d) => d.exists);
	const usedBy = await specUsage(ws, spec, {
		deliverables: existing.map((d) => d.path),
		downstream: context?.dependencies.downstream ?? [],
		contextPath,
		backlinks: backlinks ?? (await scanBacklinks(ws)),
	});
	return {
		id: spec.id,
		title: spec.title,
		path: spec.path,
		deliverables,
		usedBy,
		integrationPoints: (context?.dependencies.integrationPoints ?? []).map((p) => ({ name: p.name, location: p.location, note: p.note })),
		statistics: statistics(existing),
		quality: qualityMetrics(ws, context, contextPath, deliverables),
		missing: deliverables.filter((d) => !d.exists).map((d) => d.path),
		changedSinceReview: deliverables.filter((d) => d.drift === 'changed').map((d) => d.path),
		withoutTraceback: existing.filter((d) => d.traceback === false).map((d) => d.path),
		codeChanges,
	};
}

/** One registered deliverable as the report shows it: what the registry says, then what its file says. */
async function reportDeliverable(ws: Workspace, ref: SpecDeliverable): Promise<ReportDeliverable> {
	const base = registeredDeliverable(ref);
	const stat = ref.exists ? await ws.store.stat(ref.path) : null;
	if (!stat) return base;
	// A binary file (or one not UTF-8) has no lines to count: its figures stay unknown rather than zero.
	const read = isBinaryPath(ref.path) ? null : await readIfText(ws.store, ref.path);
	const text = read ?? '';
	const header = readDeliverableHeader(ref.path, text);
	const binary = read === null || isBinary(ref.path, text);
	const stats = binary ? { lines: null, commentLines: null, blankLines: null } : lineStatistics(ref.path, text);
	const propertyPurpose = typeof header.properties.purpose === 'string' ? header.properties.purpose.trim() : '';
	const shell = ref.type === 'scripts' && isShellScript(ref.path, text);
	return {
		...base,
		purpose: ref.purpose ?? (header.fields.get('purpose') || null) ?? (propertyPurpose || null),
		bytes: stat.size,
		lines: stats.lines,
		exists: true,
		// A file outside every deliverables/ folder (a shared doc, source code) is the owner's, not written for this spec.
		traceback: classifyPath(ref.path, ws.index.specsRoot) === 'deliverable' ? header.traceback : null,
		dependencies: shell ? scriptDependencies(text) : [],
		commands: shell ? externalCommands(text) : [],
		dependenciesScanned: shell,
		pages: ref.type === 'docs' && stats.lines !== null ? Math.ceil(stats.lines / LINES_PER_PAGE) : null,
		target: header.fields.get('target') || null,
		commentLines: stats.commentLines,
		blankLines: stats.blankLines,
	};
}

/** What the registry alone says of a deliverable: all a missing file shows. */
function registeredDeliverable(ref: SpecDeliverable): ReportDeliverable {
	const ext = extension(ref.path);
	return {
		type: ref.type,
		path: ref.path,
		title: ref.title ?? ref.path.slice(ref.path.lastIndexOf('/') + 1),
		purpose: ref.purpose,
		bytes: null,
		lines: null,
		exists: false,
		traceback: null,
		dependencies: [],
		commands: [],
		dependenciesScanned: false,
		pages: null,
		format: ext === 'md' ? 'Markdown' : ext === '' ? 'Text' : ext.toUpperCase(),
		target: null,
		commentLines: null,
		blankLines: null,
		inContextRegistry: ref.inContextRegistry,
		inSpecList: ref.inSpecList,
		drift: null,
	};
}

/** Lines over the existing deliverables, in all and by type; an unknown count (a binary file) adds nothing. */
function statistics(existing: readonly ReportDeliverable[]): DeliverablesReport['statistics'] {
	const byType: Record<string, number> = {};
	for (const d of existing) byType[d.type] = (byType[d.type] ?? 0) + (d.lines ?? 0);
	const sum = (f: (d: ReportDeliverable) => number | null) => existing.reduce((n, d) => n + (f(d) ?? 0), 0);
	return { totalLines: sum((d) => d.lines), byType, commentLines: sum((d) => d.commentLines), blankLines: sum((d) => d.blankLines) };
}

/** The property that marks a note as ours to rewrite. */
export const GENERATED_MARKER = 'spec-workflow';

/**
 * Saves the report beside the spec as `<id>.deliverables.md`, rewritten whole each time (a file
 * of that name that we did not generate is refused, not overwritten). `written` is false when
 * the note already said exactly this.
 */
export async function writeDeliverablesReport(ws: Workspace, id: string, backlinks?: Backlinks): Promise<{ path: string; written: boolean }> {
	const spec = requireSpec(ws, id);
	const path = reportPath(spec.path, spec.id);
	const report = await deliverablesReport(ws, id, backlinks);
	const specLink = linkTo(ws, path, spec.path, specHeadingTitle(spec.id, spec.title));
	const text =
		formatFrontmatter([
			['generated', GENERATED_MARKER],
			['spec', specLink],
		]) +
		`> Generated by Spec Workflow from ${specLink} — rewritten each time; edit the spec or context instead.\n\n` +
		formatDeliverablesReport(report, ws, path);
	const changes = new ChangeSet(ws.store);
	if (await ws.store.exists(path)) {
		const current = await ws.store.read(path);
		const fm = readFrontmatter(current, path);
		if (fm.error || fm.data.generated !== GENERATED_MARKER) {
			throw new WorkflowError(
				'not-generated',
				`${path} exists and was not generated by Spec Workflow (no "generated: ${GENERATED_MARKER}" property); rename or move it, then write the report again`,
				path,
			);
		}
		await changes.modify(path, () => withEol(text, detectEol(current)));
	} else {
		changes.create(path, text);
	}
	const written = await commitChanges(ws, changes);
	return { path, written: written.includes(path) };
}
