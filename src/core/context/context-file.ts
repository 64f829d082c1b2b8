import { parseSections, Section } from '../markdown/sections';
import { readHeaderFields, HeaderField } from '../metadata/header-lines';
import { parseMetricLines, MetricLine } from './metrics';
import { parsePlanTasks, PlanTask } from './plan-task';
import { DependenciesDelivered, DeliverablesRegistry, parseDeliverables, parseDependenciesDelivered } from './registry';
import { Commit, parseLooseCommits, parseSessions, readSessionHeading, Session } from './session';
import { asJournalSection, findJournalSection } from './journal-sections';

/**
 * A context file (implementation journal) read whole: the reference layout's sections with their offsets, so
 * every write can be a surgical edit of one of them. Reading never throws; missing sections are null.
 */
export interface ContextFile {
	text: string;
	root: Section;
	header: Map<string, HeaderField>;
	summary: Section | null;
	plan: Section | null;
	timeline: Section | null;
	deliverablesSection: Section | null;
	dependenciesSection: Section | null;
	metricsSection: Section | null;
	tasks: PlanTask[];
	/**
	 * Checkbox items of the note's other task lists (`## Tasks`, `### Implementation Steps`,
	 * `## Checklist`…), numbered in order across them: what a spec or a journal without a plan
	 * counts. Acceptance criteria, the timeline and sessions are not task lists.
	 */
	checklist: PlanTask[];
	sessions: Session[];
	/** Commits listed outside any session (a `### Commits` list of a journal kept without sessions). */
	commits: Commit[];
	deliverables: DeliverablesRegistry;
	dependencies: DependenciesDelivered;
	metrics: MetricLine[];
}

export function readContextFile(text: string): ContextFile {
	// One operation reads the same journal text more than once (to check, then to edit): it is read
	// once, and each part parsed once. A reading is shared: never change one.
	if (lastRead !== null && lastRead.text === text) return lastRead;
	lastRead = readText(text);
	return lastRead;
}

let lastRead: ContextFile | null = null;

function readText(text: string): ContextFile {
	const root = parseSections(text);
	const section = (title: string | RegExp): Section | null => findJournalSection(root, title);
	const plan = section('Plan');
	const timeline = section('Implementation Timeline');
	const deliverablesSection = section('Deliverables');
	const dependenciesSection = section(/^Dependencies Delivered To$|^Dependencies$/i);
	const metricsSection = section('Metrics');
	const within = <T>(s: Section | null, parse: (text: string, from: number, to: number) => T, empty: T): T => (s ? parse(text, s.headingEnd, s.end) : empty);
	// Each part is parsed when first asked for, once: a progress roll-up reads only the plan of
	// dozens of journals, the panel only a few parts of one.
	const cache: Partial<Pick<ContextFile, 'header' | 'tasks' | 'checklist' | 'sessions' | 'commits' | 'deliverables' | 'dependencies' | 'metrics'>> = {};
	return {
		text,
		root,
		summary: section('Summary'),
		plan,
		timeline,
		deliverablesSection,
		dependenciesSection,
		metricsSection,
		get header() {
			return (cache.header ??= readHeaderFields(text));
		},
		get tasks() {
			return (cache.tasks ??= within(plan, parsePlanTasks, []));
		},
		get checklist() {
			return (cache.checklist ??= checklistTasks(text, root, [plan, timeline]));
		},
		get sessions() {
			// Anywhere but the sections that are not a log: a hand-kept journal keeps its sessions in
			// a `## Work Log`, or as `##` headings of their own, and start adds to them there.
			return (cache.sessions ??= parseSessions(text, 0, text.length, outsideOf(notLogRanges(root))));
		},
		get commits() {
			return (cache.commits ??= parseLooseCommits(text, this.sessions));
		},
		get deliverables() {
			return (cache.deliverables ??= within(deliverablesSection, parseDeliverables, { groups: [], entries: [] }));
		},
		get dependencies() {
			return (cache.dependencies ??= within(dependenciesSection, parseDependenciesDelivered, {
				downstream: [],
				integrationPoints: [],
				downstreamGroup: null,
				integrationGroup: null,
			}));
		},
		get metrics() {
			return (cache.metrics ??= within(metricsSection, parseMetricLines, []));
		},
	};
}

/**
 * Sections that hold no sessions whatever their headings say (a plan grouped by `### Session 1`,
 * notes per session): the journal's other canonical sections, task lists and acceptance criteria.
 */
const NOT_A_LOG =
	/^(?:summary|overview|plan|deliverables|dependencies(?: delivered to)?|metrics|(?:notes|lessons)?(?:\s*(?:&|and)\s*)?(?:notes|learnings|lessons(?: learned)?)|acceptance criteria)$/i;

/**
 * The [headingEnd, end) ranges of the sections that are not a log (session headings excluded),
 * each ended at the first journal section written under it (asJournalSection).
 */
export function notLogRanges(root: Section): [number, number][] {
	const ranges: [number, number][] = [];
	const walk = (sections: readonly Section[]): void => {
		for (const child of sections) {
			if (readSessionHeading(`### ${child.title}`)) continue;
			const title = bareTitle(child.title);
			if (NOT_A_LOG.test(title) || CHECKLIST_HEADING.test(title)) {
				const own = asJournalSection(child);
				ranges.push([child.headingEnd, own.end]);
				walk(liftedChildren(child, own));
			} else walk(child.children);
		}
	};
	walk(root.children);
	return ranges;
}

/** The children of `section` past the end of its journal reading `own`: the journal sections written under it, and what follows them. */
function liftedChildren(section: Section, own: Section): Section[] {
	return own === section ? [] : section.children.filter((c) => c.headingStart >= own.end);
}

function outsideOf(ranges: readonly [number, number][]): (offset: number) => boolean {
	return (offset) => !ranges.some(([from, to]) => from <= offset && offset < to);
}

const CHECKLIST_HEADING =
	/^(?:(?:implementation|technical|development|remaining|open)\s+)?(?:tasks?|sub-?tasks?|steps|plan|checklist|to-?dos?|work items)(?:\s+(?:list|breakdown))?$/i;

/** `3. Tasks:`, `✅ Checklist` → `Tasks`, `Checklist`. */
function bareTitle(title: string): string {
	return title.replace(/^[^\p{L}]+/u, '').replace(/[:\s]+$/, '');
}

function checklistTasks(text: string, root: Section, skip: readonly (Section | null)[]): PlanTask[] {
	const tasks: PlanTask[] = [];
	const skipped = (s: Section): boolean => skip.some((k) => k !== null && k.headingStart === s.headingStart);
	const walk = (sections: readonly Section[]): void => {
		for (const child of sections) {
			// A session's lists record what was done then; they are not the spec's tasks.
			if (readSessionHeading(`### ${child.title}`)) continue;
			const own = asJournalSection(child);
			if (skipped(child)) walk(liftedChildren(child, own));
			else if (CHECKLIST_HEADING.test(bareTitle(child.title))) {
				for (const t of parsePlanTasks(text, child.headingEnd, own.end)) tasks.push({ ...t, number: tasks.length + 1 });
				walk(liftedChildren(child, own));
			} else walk(child.children);
		}
	};
	walk(root.children);
	return tasks;
}
