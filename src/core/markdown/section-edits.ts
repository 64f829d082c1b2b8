import { findFencedBlocks } from './code-ranges';
import { detectEol, withEol, type Eol } from './eol';
import { bodyStart } from './frontmatter-bounds';
import { findSection, flattenSections, matchesSection, parseSections, sectionOwnContentEnd, type Section, type SectionMatcher } from './sections';
import { applyEdits, isBlankLine, lastContentEnd, lineAt, type TextEdit } from './text-edit';

/*
 * Surgical section edits (docs/formats.md, The context file): each returns one TextEdit against the text the section was
 * parsed from, touching nothing outside that section. Inserted text is written with "\n" by callers
 * and converted here to the file's own line ends. Blank lines that separate a section from the next
 * heading stay where they are, so the spacing the user chose survives.
 */

/**
 * Inserts `lines` at the end of the whole section, children included: after its last non-blank
 * line, before the blank lines that separate it from the next heading.
 */
export function appendToSection(text: string, section: Section, lines: string): TextEdit {
	const at = lastContentEnd(text, section.headingEnd, section.end);
	return insertion(text, at, normaliseBlock(lines, detectEol(text)));
}

/**
 * Inserts `lines` at the end of the section's own content, i.e. before its first child heading
 * (and before the blank lines above that heading). Same as appendToSection when it has no children.
 */
export function appendToOwnContent(text: string, section: Section, lines: string): TextEdit {
	const at = lastContentEnd(text, section.headingEnd, sectionOwnContentEnd(section));
	return insertion(text, at, normaliseBlock(lines, detectEol(text)));
}

/**
 * Replaces everything under the heading, child sections included, with `content`; the blank lines
 * before the next heading are kept. An empty `content` leaves the heading alone with its spacing.
 */
export function replaceSectionContent(text: string, section: Section, content: string): TextEdit {
	return replaceRange(text, section.headingEnd, lastContentEnd(text, section.headingEnd, section.end), content);
}

/** Replaces the section's own content only, keeping its child sections and the spacing above them. */
export function replaceOwnContent(text: string, section: Section, content: string): TextEdit {
	return replaceRange(text, section.headingEnd, lastContentEnd(text, section.headingEnd, sectionOwnContentEnd(section)), content);
}

function replaceRange(text: string, start: number, end: number, content: string): TextEdit {
	const block = normaliseBlock(content, detectEol(text));
	const edit = insertion(text, start, block);
	return { start, end, text: edit.text };
}

/** "\n"-written lines in the file's line ends, ending with a line end unless empty. */
function normaliseBlock(lines: string, eol: Eol): string {
	if (lines === '') return '';
	const lf = lines.replace(/\r\n/g, '\n');
	return withEol(lf.endsWith('\n') ? lf : lf + '\n', eol);
}

/**
 * An insertion at a line boundary. A last line without a line end gets one first, and a code fence
 * left open to the end of the file is closed first, or what we add would be code, not markdown.
 */
function insertion(text: string, at: number, block: string): TextEdit {
	return { start: at, end: at, text: block === '' ? '' : lead(text, at) + block };
}

function lead(text: string, at: number): string {
	const eol = detectEol(text);
	const closer = openFenceCloser(text, at);
	return (at > 0 && text[at - 1] !== '\n' ? eol : '') + (closer ? closer + eol : '');
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})([^]*)$/;

// The fenced blocks of the last text's body: an edit asks twice (where, then what to insert).
let lastBlocks: { text: string; blocks: [number, number][] } | null = null;

function bodyFencedBlocks(text: string, body: number): [number, number][] {
	if (lastBlocks === null || lastBlocks.text !== text) lastBlocks = { text, blocks: findFencedBlocks(text.slice(body)) };
	return lastBlocks.blocks;
}

/** The closing fence for a fenced block left open to the end of the text that holds `at`, else ''. */
function openFenceCloser(text: string, at: number): string {
	const body = bodyStart(text);
	const blocks = bodyFencedBlocks(text, body);
	const last = blocks[blocks.length - 1];
	if (!last || last[1] + body !== text.length || at <= last[0] + body) return '';
	const opener = FENCE_LINE.exec(lineAt(text, last[0] + body).text)?.[1] ?? '';
	const final = lineAt(text, text.length - 1);
	const close = final.start > last[0] + body ? FENCE_LINE.exec(final.text) : null;
	const closed = close !== null && close[1][0] === opener[0] && close[1].length >= opener.length && close[2].trim() === '';
	return closed ? '' : opener;
}

export interface SectionSpec {
	/** Heading text to write, e.g. 'Testing'. */
	title: string;
	/** Heading level 1–6; must be deeper than the parent's. */
	level: number;
	/** The section to create it under (from a parse of the same text); wins over parentPath. */
	parent?: Section;
	/** Path to the parent (see findSection). Without either, the parent is the note itself. */
	parentPath?: SectionMatcher[];
	/** Canonical order: siblings this section follows, nearest last. It goes after the last one present. */
	after?: SectionMatcher[];
	/** Siblings this section precedes, nearest first: used when none of `after` is present. */
	before?: SectionMatcher[];
	/** Lines under the new heading, written with "\n". */
	content?: string;
	/** How to recognise the section when it already exists (default: its title, case-insensitive). */
	match?: SectionMatcher;
}

export type EnsureSectionResult = { ok: true; edit: TextEdit | null; existing: Section | null; parent: Section } | { ok: false; edit: null; error: string };

/**
 * Finds the section under its parent, or returns the edit that creates it at its canonical place:
 * after the nearest `after` sibling present, else before the first `before` sibling present, else
 * at the end of the parent. One blank line separates it from its neighbours.
 */
export function ensureSection(text: string, root: Section, spec: SectionSpec): EnsureSectionResult {
	const heading = `${'#'.repeat(spec.level)} ${spec.title.trim()}`;
	if (!Number.isInteger(spec.level) || spec.level < 1 || spec.level > 6) {
		return fail(`Cannot create "${heading}": heading level ${spec.level} is not 1–6.`);
	}
	if (spec.title.trim() === '' || /[\r\n]/.test(spec.title)) {
		return fail(`Cannot create a heading titled ${JSON.stringify(spec.title)}: a title is one non-empty line.`);
	}
	const match = spec.match ?? spec.title;
	const parent = spec.parent ?? (spec.parentPath ? findSection(root, spec.parentPath) : noteContainer(root, spec, match));
	if (!parent) {
		return fail(`No section ${describePath(spec.parentPath ?? [])} to hold "${heading}".`);
	}
	if (spec.level <= parent.level) {
		return fail(`Cannot create "${heading}" under "${'#'.repeat(parent.level)} ${parent.title}": it must be a deeper heading.`);
	}
	const existing = parent.children.find((s) => matchesSection(s, match));
	if (existing) return { ok: true, edit: null, existing, parent };

	const eol = detectEol(text);
	const at = placement(text, parent, spec);
	const block = withEol(`${heading}\n`, eol) + normaliseBlock(spec.content ?? '', eol);
	const before = lead(text, at);
	// One blank line above the new heading, unless it starts the text or one is there already.
	const blankAbove = at > 0 && (before !== '' || !isBlankLine(lineAt(text, at - 1).text));
	const prefix = before + (blankAbove ? eol : '');
	const suffix = at < text.length && !isBlankLine(lineAt(text, at).text) ? eol : '';
	return { ok: true, edit: { start: at, end: at, text: prefix + block + suffix }, existing: null, parent };
}

function fail(error: string): EnsureSectionResult {
	return { ok: false, edit: null, error };
}

function placement(text: string, parent: Section, spec: SectionSpec): number {
	const siblings = parent.children;
	for (const m of [...(spec.after ?? [])].reverse()) {
		const prev = lastMatch(siblings, m);
		if (prev) return lastContentEnd(text, prev.headingEnd, prev.end);
	}
	for (const m of spec.before ?? []) {
		const next = siblings.find((s) => matchesSection(s, m));
		if (next) return next.headingStart;
	}
	return lastContentEnd(text, parent.headingEnd, parent.end);
}

function lastMatch(sections: Section[], m: SectionMatcher): Section | undefined {
	for (let i = sections.length - 1; i >= 0; i--) if (matchesSection(sections[i], m)) return sections[i];
	return undefined;
}

/**
 * Without a parent path, sections belong to the note; when the note is wrapped in a level-1 title
 * (`# Context: …`, as the reference layout's template is), deeper sections belong under that title.
 */
function noteContainer(root: Section, spec: SectionSpec, match: SectionMatcher): Section {
	if (spec.level === 1) return root;
	const titles = root.children.filter((s) => s.level === 1);
	if (titles.length === 0) return root;
	const known = [match, ...(spec.after ?? []), ...(spec.before ?? [])];
	return titles.find((t) => t.children.some((c) => known.some((m) => matchesSection(c, m)))) ?? titles[0];
}

function describePath(path: SectionMatcher[]): string {
	return path.map((m) => (typeof m === 'string' ? `"${m}"` : m instanceof RegExp ? String(m) : '(matcher)')).join(' › ');
}

export type EnsureSectionInResult = { ok: true; text: string; section: Section; root: Section; created: boolean } | { ok: false; error: string };

/**
 * ensureSection on a text, applied: returns the (possibly) edited text with its fresh outline and
 * the section in it, ready for a follow-up edit such as appendToSection.
 */
export function ensureSectionIn(text: string, spec: Omit<SectionSpec, 'parent'>): EnsureSectionInResult {
	const root = parseSections(text);
	const result = ensureSection(text, root, spec);
	if (!result.ok) return { ok: false, error: result.error };
	if (!result.edit) return { ok: true, text, section: result.existing as Section, root, created: false };
	const edited = applyEdits(text, [result.edit]);
	const newRoot = parseSections(edited);
	const headingAt = result.edit.start + result.edit.text.indexOf('#');
	const section = flattenSections(newRoot).find((s) => s.headingStart === headingAt);
	if (!section) return { ok: false, error: `The new heading "${spec.title}" was not found after inserting it.` };
	return { ok: true, text: edited, section, root: newRoot, created: true };
}
