import { fenceAfter, type Fence } from './code-ranges';
import { bodyStart } from './frontmatter-bounds';
import { commentBlockEnd } from './hidden-blocks';

/**
 * A heading and everything under it, in character offsets (UTF-16 code units, as JS strings index)
 * of the text it was parsed from. Offsets go stale after any edit: re-parse the edited text.
 * An outline is shared by every reader of the same text (parseSections): never change one.
 */
export interface Section {
	/** 1–6 for `#`…`######`; 0 for the synthetic root that covers the whole body. */
	level: number;
	/** Heading text without the `#`s (opening and closing) and trimmed; '' for the root. */
	title: string;
	/** Start of the heading line (for the root: where the body starts, after any frontmatter). */
	headingStart: number;
	/** Just past the heading line's line end, i.e. where the section's content starts. */
	headingEnd: number;
	/** Start of the next heading of the same or a higher level, or the end of the text. */
	end: number;
	children: Section[];
	parent: Section | null;
}

/** How a path step or a sibling is recognised: a title (case-insensitive), a pattern, or a test. */
export type SectionMatcher = string | RegExp | ((section: Section) => boolean);

// CommonMark ATX heading: up to 3 spaces, 1–6 #s, then a space/tab or the end of the line.
// [\s\S] because only \n and \r end a markdown line; U+2028 inside a title is just text.
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+([\s\S]*))?$/;
// An optional closing run of #s, which must be preceded by a space or tab (or be all there is).
const CLOSING = /(?:^|[ \t]+)#+[ \t]*$/;
// Character codes the line scan compares against.
const SPACE = 32;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
const CR = 13;
const LT = 60;
const PERCENT = 37;

/**
 * Parses the heading outline of a note. Headings inside fenced code blocks, comment blocks
 * (hidden-blocks.ts) or the YAML frontmatter are not headings; setext (underlined) headings are
 * not recognised.
 */
export function parseSections(text: string): Section {
	// The outline of the last text asked for: one operation reads, then edits, one journal's text
	// several times over, and a journal of thousands of sessions takes a while to outline.
	if (lastOutline !== null && lastOutline.text === text) return lastOutline.root;
	const root = outline(text);
	lastOutline = { text, root };
	return root;
}

let lastOutline: { text: string; root: Section } | null = null;

function outline(text: string): Section {
	const start = bodyStart(text);
	const root: Section = { level: 0, title: '', headingStart: start, headingEnd: start, end: text.length, children: [], parent: null };
	const stack: Section[] = [root];
	// One pass over the body (fences are looked for there only, so a ``` inside a YAML block scalar
	// opens nothing). Only a line starting with up to 3 spaces then #, ` or ~ is sliced and read:
	// everything else can be neither a heading nor a fence. A comment block is stepped over whole.
	let fence: Fence | null = null;
	for (let lineStart = start; lineStart < text.length;) {
		const nl = text.indexOf('\n', lineStart);
		const lineEnd = nl < 0 ? text.length : nl + 1;
		let first = lineStart;
		while (first - lineStart < 3 && text.charCodeAt(first) === SPACE) first++;
		const c = text.charCodeAt(first);
		if (fence === null && (c === LT || c === PERCENT)) {
			const end = commentBlockEnd(text, first);
			if (end >= 0) {
				lineStart = end;
				continue;
			}
		}
		if (c === HASH ? fence === null : c === BACKTICK || c === TILDE) {
			let contentEnd = nl < 0 ? text.length : nl;
			if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
			const line = text.slice(lineStart, contentEnd);
			if (c !== HASH) fence = fenceAfter(line, fence);
			else addHeading(stack, line, lineStart, lineEnd, text.length);
		}
		lineStart = lineEnd;
	}
	return root;
}

// Shared by every section without children (most of a journal's): one empty list, not one each.
const NO_CHILDREN = Object.freeze([]) as unknown as Section[];

/** Adds `line` to the outline if it is an ATX heading, closing the open sections it ends. */
function addHeading(stack: Section[], line: string, lineStart: number, lineEnd: number, textEnd: number): void {
	const m = ATX.exec(line);
	if (!m) return;
	const level = m[1].length;
	while (stack[stack.length - 1].level >= level) {
		const closed = stack.pop() as Section;
		closed.end = lineStart;
	}
	const parent = stack[stack.length - 1];
	const section: Section = {
		level,
		title: headingTitle(m[2] ?? ''),
		headingStart: lineStart,
		headingEnd: lineEnd,
		end: textEnd,
		children: NO_CHILDREN,
		parent,
	};
	if (parent.children === NO_CHILDREN) parent.children = [section];
	else parent.children.push(section);
	stack.push(section);
}

function headingTitle(raw: string): string {
	return raw.replace(CLOSING, '').trim();
}

/**
 * Follows a path of matchers down the outline. Each step matches any descendant of the previous
 * match (searched breadth-first, so the shallowest wins), so `['Deliverables', 'Scripts']` works
 * whatever the levels. An empty path returns `root`.
 */
export function findSection(root: Section, path: SectionMatcher[]): Section | null {
	let current = root;
	for (const step of path) {
		const found = findDescendant(current, step);
		if (!found) return null;
		current = found;
	}
	return current;
}

function findDescendant(section: Section, matcher: SectionMatcher): Section | null {
	let tier = section.children;
	while (tier.length > 0) {
		const hit = tier.find((s) => matchesSection(s, matcher));
		if (hit) return hit;
		tier = tier.flatMap((s) => s.children);
	}
	return null;
}

/** True when `section` is what `matcher` asks for; strings compare trimmed and case-insensitively. */
export function matchesSection(section: Section, matcher: SectionMatcher): boolean {
	if (typeof matcher === 'string') return sameTitle(section.title, matcher);
	if (matcher instanceof RegExp) {
		// A global or sticky pattern keeps state between calls; test from the start every time.
		matcher.lastIndex = 0;
		return matcher.test(section.title);
	}
	return matcher(section);
}

export function sameTitle(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Where the section's own content ends: at its first child heading, or at its end. */
export function sectionOwnContentEnd(section: Section): number {
	return section.children.length > 0 ? section.children[0].headingStart : section.end;
}

/** Every heading section in document order (the root itself excluded). */
export function flattenSections(root: Section): Section[] {
	const out: Section[] = [];
	const visit = (s: Section): void => {
		for (const child of s.children) {
			out.push(child);
			visit(child);
		}
	};
	visit(root);
	return out;
}

/** The deepest section whose range holds `offset` (the root when no heading does). */
export function sectionAt(root: Section, offset: number): Section {
	let current = root;
	for (;;) {
		const child = childAt(current.children, offset);
		if (!child) return current;
		current = child;
	}
}

/** The section whose heading starts at `offset`, or null: found by descending, not by listing every section. */
export function sectionStartingAt(root: Section, offset: number): Section | null {
	for (let current = root; ;) {
		const child = childAt(current.children, offset);
		if (!child) return null;
		if (child.headingStart === offset) return child;
		current = child;
	}
}

/** The one of the sorted, disjoint `children` whose range holds `offset` (binary search), or null. */
function childAt(children: readonly Section[], offset: number): Section | null {
	let lo = 0;
	let hi = children.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const c = children[mid];
		if (offset < c.headingStart) hi = mid - 1;
		else if (offset >= c.end) lo = mid + 1;
		else return c;
	}
	return null;
}

/** The section's titles from the top down, e.g. ['Implementation Timeline', 'Session 2: …', 'Testing']. */
export function sectionPath(section: Section): string[] {
	const titles: string[] = [];
	for (let s: Section | null = section; s && s.level > 0; s = s.parent) titles.unshift(s.title);
	return titles;
}

/**
 * The section as a note with known sections reads it: a direct child that is one of the note's
 * `others` (another of its canonical sections, written a level deeper by mistake: `# Plan` then
 * `## Implementation Timeline`) is its sibling, not its part. The section then ends at the first
 * such child; a copy is returned, or the section itself when no child is one of them.
 */
export function clipSection(section: Section, others: readonly SectionMatcher[]): Section {
	const stop = section.children.find((c) => others.some((m) => matchesSection(c, m)));
	if (!stop) return section;
	return { ...section, end: stop.headingStart, children: section.children.filter((c) => c.headingStart < stop.headingStart) };
}
