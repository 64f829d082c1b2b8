import { basename, dirname, extension, normalizeVaultPath } from '../files/paths';
import { Spec } from '../index/spec';
import { commitChanges, Workspace } from '../workspace/workspace';
import { foreignContext } from '../edits/context-ownership';
import { ChangeSet } from '../workspace/file-changes';
import { FileFacts, LinkFact, VaultFacts } from './validate-facts';
import { checkDeliverables } from './validate-deliverables';
import { findParentCycles } from './validate-cycles';
import { checkSpecs } from './validate-specs';
import { Finding, Problem, ValidateResult } from './validate-types';
import { WorkflowError } from '../workspace/workflow-error';

export type { Problem, ValidateResult } from './validate-types';

/**
 * Checks the specs root: what the index found (malformed YAML, duplicate ids, contexts without a
 * spec), context files that belong to another spec, broken links, spec ↔ context links missing either way, parent ↔
 * child links, deliverables without traceback or missing from a registry, registry entries whose
 * file is gone, and properties that disagree with their header lines. Every file is read once.
 *
 * With `fix`, the safe and reversible repairs (adding a missing link, registry line or list
 * entry) are planned in one ChangeSet and written together; the rest are only reported.
 */
export async function validate(ws: Workspace, options: { fix?: boolean } = {}): Promise<ValidateResult> {
	const facts = await VaultFacts.load(ws);
	const specList = ws.index.all();
	const contexts = new Map<Spec, FileFacts>();
	const foreign: Finding[] = [];
	for (const spec of specList) {
		const path = ws.index.contextPathOf(spec);
		if (extension(path) !== 'md' || !(ws.index.hasFile(path) || ws.links.has(path))) continue;
		const context = await facts.read(path);
		if (!context) continue;
		// Another spec's journal is reported, and left out of every check and fix made for this spec.
		const problem = foreignContext(ws, spec, path, context.text);
		// A copy of a spec (a sync conflict) names its original's journal: that follows from the
		// duplicate id, reported as such, and a journal of its own is not what it needs.
		if (problem?.owner && ws.index.idTwins(spec).includes(problem.owner)) continue;
		if (problem) foreign.push({ severity: problem.owner ? 'error' : 'warning', code: 'context-of-other-spec', path: spec.path, message: problem.message });
		else contexts.set(spec, context);
	}

	const findings: Finding[] = [...indexFindings(ws), ...yamlFindings(ws, facts, contexts), ...foreign];
	const deliverables = checkDeliverables(ws, facts, specList, contexts);
	const cycles = findParentCycles(ws, specList);
	const specs = checkSpecs(ws, facts, specList, contexts, cycles.inCycle);
	findings.push(...cycles.findings, ...deliverables.findings, ...specs.findings);
	findings.push(...(await brokenLinks(ws, facts, (file, link) => deliverables.reported.has(`${file}\0${link.start}`) || specs.reported.has(`${file}\0${link.target}`))));
	findings.push(...facts.problems);
	const sorted = sortFindings(dedupe(findings));
	// Which of two specs with one id is the real one, and which parent of a cycle is wrong, is the
	// user's call: none of their files gets a repair, nor is one offered.
	const untouchable = filesOf(ws, [...specList.filter((s) => ws.index.hasDuplicateId(s)), ...cycles.inCycle]);
	for (const finding of sorted) if (untouchable.has(finding.path)) finding.fix = undefined;

	if (!options.fix) return { problems: sorted.map(toProblem), fixed: [], written: [], specs: specList.length };
	const changes = new ChangeSet(ws.store);
	const fixed = new Set<Finding>();
	for (const finding of sorted) {
		if (!finding.fix) continue;
		try {
			await finding.fix(changes);
			fixed.add(finding);
		} catch (e) {
			// A fix that cannot be planned (malformed YAML, a heading it cannot place) stays a problem.
			if (!(e instanceof WorkflowError)) throw e;
		}
	}
	const written = fixed.size > 0 ? await commitChanges(ws, changes) : [];
	return {
		problems: sorted.filter((f) => !fixed.has(f)).map(toProblem),
		fixed: sorted.filter((f) => fixed.has(f)).map(toProblem),
		written,
		specs: specList.length,
	};
}

/** The spec and context files of the specs. */
function filesOf(ws: Workspace, specs: readonly Spec[]): Set<string> {
	const out = new Set<string>();
	for (const spec of specs) {
		out.add(spec.path);
		out.add(ws.index.contextPathOf(spec));
	}
	return out;
}

/** What the index reports; its messages say the line of malformed YAML (`… line 4: …`). */
function indexFindings(ws: Workspace): Finding[] {
	return ws.index.problems().map((p) => ({ ...p, line: lineInMessage(p.message) }));
}

/** Malformed YAML in files the index does not read as specs: contexts, deliverables, reports. */
function yamlFindings(ws: Workspace, facts: VaultFacts, contexts: Map<Spec, FileFacts>): Finding[] {
	const out: Finding[] = [];
	const contextFiles = new Set<FileFacts>(contexts.values());
	const files = new Set<FileFacts>(contextFiles);
	for (const path of facts.paths) {
		const file = facts.get(path);
		if (file?.markdown) files.add(file);
	}
	for (const file of files) {
		if (ws.index.byPath(file.path)) continue;
		const problems = file.role === 'context' || contextFiles.has(file) ? facts.meta(file).problems : [];
		const messages = problems.length > 0 ? problems.map((p) => p.message) : file.yamlError ? [file.yamlError] : [];
		for (const message of messages) {
			out.push({ severity: 'error', code: 'malformed-frontmatter', path: file.path, line: lineInMessage(message), message });
		}
	}
	return out;
}

async function brokenLinks(ws: Workspace, facts: VaultFacts, skip: (file: string, link: { start: number; target: string }) => boolean): Promise<Finding[]> {
	const out: Finding[] = [];
	for (const path of facts.paths) {
		const file = facts.get(path);
		if (!file) continue;
		for (const link of file.links) {
			if (link.resolved !== null || skip(path, link) || (await isFolderLink(ws, path, link))) continue;
			const what = link.where === 'property' ? ` (property "${link.field ?? ''}")` : link.where === 'traceback' ? ` (traceback "${link.field ?? ''}:")` : '';
			out.push({
				severity: 'error',
				code: 'broken-link',
				path,
				line: link.line,
				message: `${path} line ${link.line}: ${link.raw}${what} does not resolve to a file${staleReportHint(ws, path)}`,
			});
		}
	}
	return out;
}

/** For a generated deliverables report (`1001.deliverables.md`): it is stale, and how to write it again. */
function staleReportHint(ws: Workspace, path: string): string {
	if (ws.index.roleOf(path) !== 'report') return '';
	return `; the report is generated and out of date: write it again with spec-work deliverables ${basename(path).slice(0, -'.deliverables.md'.length)} --write`;
}

/**
 * A markdown link to a folder that exists (`[deliverables](deliverables/)`): Obsidian opens it, so
 * it is not broken. Asked only of links that resolve to no file, which are few.
 */
async function isFolderLink(ws: Workspace, source: string, link: LinkFact): Promise<boolean> {
	if (link.where !== 'body' || link.target === '' || /^!?\[\[/.test(link.raw)) return false;
	const folder = dirname(source);
	const target = link.target.replace(/[#?].*$/, '');
	const candidates = target.startsWith('/') ? [target] : [folder === '' ? target : `${folder}/${target}`, target];
	for (const candidate of candidates) {
		const path = normalizeVaultPath(candidate);
		if (path !== null && path !== '' && !ws.links.has(path) && (await ws.store.exists(path))) return true;
	}
	return false;
}

function lineInMessage(message: string): number | undefined {
	const m = / line (\d+):/.exec(message);
	return m ? Number(m[1]) : undefined;
}

function dedupe(findings: Finding[]): Finding[] {
	const seen = new Set<string>();
	return findings.filter((f) => {
		const key = `${f.code}\0${f.path}\0${f.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function sortFindings(findings: Finding[]): Finding[] {
	return findings.sort(
		(a, b) =>
			(a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
			(a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
	);
}

function toProblem(f: Finding): Problem {
	const line = f.line !== undefined ? { line: f.line } : {};
	return { severity: f.severity, code: f.code, path: f.path, ...line, message: f.message, fixable: f.fix !== undefined };
}
