import type { ContextFile } from '../context/context-file';
import { parseListItem } from '../context/lines';
import type { MetricLine } from '../context/metrics';
import { basename } from '../files/paths';
import { parseLinks } from '../links/link-parser';
import { Workspace } from '../workspace/workspace';

/** `done` of `total`; the report prints `4/4 ✅`. */
export interface QualityFigure {
	done: number;
	total: number;
}

/**
 * The report's Quality Metrics, each null (`unknown`) when the journal records nothing to count
 * from: a figure is never guessed. `scriptsTested` and `docsReviewed` are null too when the spec
 * has no scripts or docs (the line is then left out).
 */
export interface QualityMetrics {
	scriptsTested: QualityFigure | null;
	docsReviewed: QualityFigure | null;
	integrationTestsPassed: QualityFigure | null;
}

/** What the metrics are counted over: the report's deliverables. */
export interface QualityDeliverable {
	type: string;
	path: string;
	title: string;
}

interface JournalItem {
	section: string;
	text: string;
}

/**
 * Counted from the journal's sessions:
 * - a script is tested when an item of a Testing section names it: its file name, its registry
 *   title, or a link to it;
 * - a doc is reviewed when an item of any session section names it and says `review`/`reviewed`;
 * - an integration test is an item of a Testing section that says `integration`; it passed when it
 *   carries ✅ or says `pass`/`passed`, and no ❌ or `fail`.
 * A figure the journal's own Metrics records (`**Scripts Tested**: 4/4 ✅`) is taken as recorded
 * while it counts the deliverables the report lists (its total is theirs); nothing found, and none
 * recorded, is null.
 */
export function qualityMetrics(ws: Workspace, context: ContextFile | null, contextPath: string, deliverables: readonly QualityDeliverable[]): QualityMetrics {
	const items = context ? journalItems(context) : [];
	const names = (d: QualityDeliverable, text: string): boolean => namesDeliverable(ws, contextPath, d, text);
	const recorded = (pattern: RegExp): QualityFigure | null => recordedFigure(context?.metrics ?? [], pattern);

	const scripts = deliverables.filter((d) => d.type === 'scripts');
	const testing = items.filter((i) => i.section === 'testing');
	const tested = scripts.filter((d) => testing.some((i) => names(d, i.text))).length;
	const docs = deliverables.filter((d) => d.type === 'docs');
	const reviews = items.filter((i) => /\breview(?:ed|s)?\b/i.test(i.text));
	const reviewed = docs.filter((d) => reviews.some((i) => names(d, i.text))).length;
	const integration = testing.filter((i) => /\bintegration\b/i.test(i.text));
	const passed = integration.filter((i) => /✅|\bpass(?:ed|es)?\b/i.test(i.text) && !/❌|\bfail/i.test(i.text)).length;

	const figure = (counted: QualityFigure, fromJournal: QualityFigure | null, totalMustMatch: boolean): QualityFigure | null => {
		if (fromJournal && (!totalMustMatch || fromJournal.total === counted.total)) return fromJournal;
		return counted.done > 0 ? counted : null;
	};
	return {
		scriptsTested: scripts.length === 0 ? null : figure({ done: tested, total: scripts.length }, recorded(/^scripts? tested$/i), true),
		docsReviewed: docs.length === 0 ? null : figure({ done: reviewed, total: docs.length }, recorded(/^(?:documentation|docs?) reviewed$/i), true),
		integrationTestsPassed: figure({ done: passed, total: integration.length }, recorded(/^integration tests?(?: passed)?$/i), false),
	};
}

/** `4/4 ✅`, `1/2`, `unknown`. */
export function formatQualityFigure(figure: QualityFigure | null): string {
	if (figure === null) return 'unknown';
	return `${figure.done}/${figure.total}${figure.done === figure.total && figure.total > 0 ? ' ✅' : ''}`;
}

/** Every list item of every session section, nested ones too, with the section's key. */
function journalItems(context: ContextFile): JournalItem[] {
	const out: JournalItem[] = [];
	for (const session of context.sessions) {
		for (const entry of session.entries) {
			for (const line of context.text.slice(entry.start, entry.end).split('\n')) {
				const item = parseListItem(line.replace(/\r$/, ''));
				if (item) out.push({ section: entry.section, text: item.content });
			}
		}
	}
	return out;
}

function namesDeliverable(ws: Workspace, contextPath: string, d: QualityDeliverable, text: string): boolean {
	const lower = text.toLowerCase();
	const word = (name: string) => new RegExp(`(?<![\\w.-])${escape(name.toLowerCase())}(?![\\w-])`).test(lower);
	if (word(basename(d.path))) return true;
	if (d.title !== basename(d.path) && d.title.trim().length > 0 && word(d.title.trim())) return true;
	return parseLinks(text).some((l) => l.target !== '' && ws.links.resolve(l.target, contextPath) === d.path);
}

function recordedFigure(metrics: readonly MetricLine[], name: RegExp): QualityFigure | null {
	const line = metrics.find((m) => name.test(m.name.trim()));
	const m = line ? /(\d+)\s*\/\s*(\d+)/.exec(line.value) : null;
	return m ? { done: Number(m[1]), total: Number(m[2]) } : null;
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
