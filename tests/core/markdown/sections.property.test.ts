import fc from 'fast-check';
import { splitLines } from '../../../src/core/markdown/eol';
import { bodyStart } from '../../../src/core/markdown/frontmatter-bounds';
import { flattenSections, parseSections, type Section } from '../../../src/core/markdown/sections';
import { lineAt } from '../../../src/core/markdown/text-edit';
import { commentedMarkdown, edgyMarkdown, generatedNote, markdownSoup } from './markdown-arbitraries';

const RUNS = { numRuns: 400 };

describe('parseSections on generated notes', () => {
	it('finds exactly the real headings: none from code fences or frontmatter, titles without closing #s', () => {
		fc.assert(
			fc.property(generatedNote, (note) => {
				const found = flattenSections(parseSections(note.text)).map((s) => `${s.level} ${s.title}`);
				expect(found).toEqual(note.headings);
			}),
			RUNS,
		);
	});

	it('gives every section consistent offsets: its heading line, an end at the next heading of its level or higher, children inside', () => {
		fc.assert(
			fc.property(generatedNote, ({ text }) => {
				const root = parseSections(text);
				const flat = flattenSections(root);
				expect(root.headingStart).toBe(bodyStart(text));
				expect(root.end).toBe(text.length);
				flat.forEach((s, i) => {
					const line = lineAt(text, s.headingStart);
					expect(line.start).toBe(s.headingStart);
					expect(line.end).toBe(s.headingEnd);
					expect(line.text.trimStart().startsWith('#'.repeat(s.level))).toBe(true);
					const next = flat.slice(i + 1).find((n) => n.level <= s.level);
					expect(s.end).toBe(next ? next.headingStart : text.length);
					const parent = s.parent as Section;
					expect(parent.level).toBeLessThan(s.level);
					expect(s.headingStart).toBeGreaterThanOrEqual(parent.headingEnd);
					expect(s.end).toBeLessThanOrEqual(parent.end);
				});
			}),
			RUNS,
		);
	});
});

/*
 * parseSections was rewritten for speed (one pass over the text, fences tracked inline through
 * fenceAfter). This is the algorithm as it was, kept plain (line by line, fences at the margin found
 * first), for the rewrite to agree with. findFencedBlocks has its own oracle (code-ranges.property).
 */
const REF_ATX = /^ {0,3}(#{1,6})(?:[ \t]+([\s\S]*))?$/;
const REF_CLOSING = /(?:^|[ \t]+)#+[ \t]*$/;
const REF_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
// A comment block: `<!--` or `%%` first on a line, up to the line holding the next `-->` or `%%`, when there is one.
const REF_COMMENT = /^ {0,3}(<!--|%%)/;

function referenceFencedBlocks(text: string, from = 0): [number, number][] {
	const blocks: [number, number][] = [];
	let open: { char: string; length: number; start: number } | null = null;
	for (const line of splitLines(text, from)) {
		const m = REF_FENCE.exec(line.text);
		if (open === null) {
			if (m && !(m[2][0] === '`' && m[3].includes('`'))) open = { char: m[2][0], length: m[2].length, start: line.start };
		} else if (m && m[2][0] === open.char && m[2].length >= open.length && m[3].trim() === '') {
			blocks.push([open.start, line.end]);
			open = null;
		}
	}
	if (open !== null) blocks.push([open.start, text.length]);
	return blocks;
}

function referenceSections(text: string): Section {
	const start = bodyStart(text);
	const root: Section = { level: 0, title: '', headingStart: start, headingEnd: start, end: text.length, children: [], parent: null };
	let fences = referenceFencedBlocks(text.slice(start)).map(([s, e]) => [s + start, e + start]);
	const stack: Section[] = [root];
	let fence = 0;
	let comment: { close: string; until: number } | null = null;
	for (const line of splitLines(text, start)) {
		if (comment !== null) {
			if (line.start < comment.until) continue;
			comment = null;
		}
		while (fence < fences.length && fences[fence][1] <= line.start) fence++;
		if (fence < fences.length && fences[fence][0] <= line.start) continue;
		const c = REF_COMMENT.exec(line.text);
		if (c) {
			const close = text.indexOf(c[1] === '%%' ? '%%' : '-->', line.start + c[0].length);
			if (close >= 0) {
				// The comment runs to the end of the line holding its close; fences inside it are comment.
				const until = lineAt(text, close + (c[1] === '%%' ? 2 : 3)).end;
				comment = { close: c[1], until };
				fences = referenceFencedBlocks(text.slice(until)).map(([s, e]) => [s + until, e + until]);
				fence = 0;
				continue;
			}
		}
		const m = REF_ATX.exec(line.text);
		if (!m) continue;
		const level = m[1].length;
		while (stack[stack.length - 1].level >= level) (stack.pop() as Section).end = line.start;
		const parent = stack[stack.length - 1];
		const section: Section = {
			level,
			title: (m[2] ?? '').replace(REF_CLOSING, '').trim(),
			headingStart: line.start,
			headingEnd: line.end,
			end: text.length,
			children: [],
			parent,
		};
		parent.children.push(section);
		stack.push(section);
	}
	return root;
}

/** Everything a section holds, as plain data; throws if a child's parent link is wrong. */
function plain(s: Section): unknown[] {
	for (const c of s.children) if (c.parent !== s) throw new Error(`bad parent link under ${s.title}`);
	return [s.level, s.title, s.headingStart, s.headingEnd, s.end, s.children.map(plain)];
}

const anyMarkdown = fc.oneof(
	edgyMarkdown,
	commentedMarkdown,
	markdownSoup,
	generatedNote.map((n) => n.text),
);

describe('parseSections agrees with the plain algorithm it replaced', () => {
	it('parseSections gives the same tree, offsets and titles', () => {
		fc.assert(
			fc.property(anyMarkdown, (text) => {
				expect(plain(parseSections(text))).toEqual(plain(referenceSections(text)));
			}),
			{ numRuns: 3000 },
		);
	});
});
