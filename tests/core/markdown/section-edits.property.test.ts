import fc from 'fast-check';
import { detectEol } from '../../../src/core/markdown/eol';
import { appendToOwnContent, appendToSection, ensureSection, replaceOwnContent, replaceSectionContent } from '../../../src/core/markdown/section-edits';
import { flattenSections, parseSections, sectionOwnContentEnd, type Section } from '../../../src/core/markdown/sections';
import { applyEdits, isBlankLine, lineAt, type TextEdit } from '../../../src/core/markdown/text-edit';
import { addedLines, generatedNote, proseLine, type GeneratedNote } from './markdown-arbitraries';

const RUNS = { numRuns: 300 };

const outline = (sections: Section[]): string[] => sections.map((s) => `${s.level} ${s.title}`);

/** The root or one of the headings, picked by `pick`. */
function pickSection(text: string, pick: number): { root: Section; flat: Section[]; section: Section } {
	const root = parseSections(text);
	const flat = flattenSections(root);
	const all = [root, ...flat];
	return { root, flat, section: all[pick % all.length] };
}

/** Lines as they should land in the file: each ended by the file's line end. */
function inFileEol(lines: string, eol: string): string {
	if (lines === '') return '';
	const body = lines.endsWith('\n') ? lines : lines + '\n';
	return body.split('\n').join(eol);
}

/** What must precede inserted lines at `at`: a line end for an unterminated last line, a closing fence for an open one. */
function expectedLead(note: GeneratedNote, at: number, eol: string): string {
	const unterminated = at > 0 && note.text[at - 1] !== '\n' ? eol : '';
	const fence = note.openFence && at > note.openFence.start ? note.openFence.closer + eol : '';
	return unterminated + fence;
}

const onlyBlankLines = (s: string): boolean => /^[ \t\r\n]*$/.test(s);

/** The byte-preservation property itself: nothing before `from` or after `to` changed. */
function expectUntouchedOutside(before: string, after: string, from: number, to: number): void {
	expect(after.slice(0, from)).toBe(before.slice(0, from));
	expect(after.slice(after.length - (before.length - to))).toBe(before.slice(to));
}

/** An insertion: the original text is the result with the inserted text cut out. */
function expectPureInsertion(before: string, after: string, edit: TextEdit): void {
	expect(edit.end).toBe(edit.start);
	expect(after.slice(0, edit.start) + after.slice(edit.start + edit.text.length)).toBe(before);
}

describe.each([
	['appendToSection', appendToSection, (s: Section) => s.end],
	['appendToOwnContent', appendToOwnContent, sectionOwnContentEnd],
])('%s on generated notes', (_name, append, limitOf) => {
	it('inserts the lines after the section’s last content line, in the file’s line ends, changing no byte outside the section', () => {
		fc.assert(
			fc.property(generatedNote, fc.nat(), addedLines, (note, pick, lines) => {
				const { text } = note;
				const { flat, section } = pickSection(text, pick);
				const limit = limitOf(section);
				const eol = detectEol(text);
				const edit = append(text, section, lines);
				const out = applyEdits(text, [edit]);

				expectUntouchedOutside(text, out, section.headingEnd, section.end);
				expectPureInsertion(text, out, edit);
				// Lands at the end of the content: only blank lines between it and the limit, real content (or the heading) above it.
				const at = edit.start;
				expect(at).toBeGreaterThanOrEqual(section.headingEnd);
				expect(at).toBeLessThanOrEqual(limit);
				expect(onlyBlankLines(text.slice(at, limit))).toBe(true);
				if (at > section.headingEnd) expect(isBlankLine(lineAt(text, at - 1).text)).toBe(false);
				expect(edit.text).toBe(expectedLead(note, at, eol) + inFileEol(lines, eol));
				// The outline is unchanged and the section now holds the lines.
				const after = flattenSections(parseSections(out));
				expect(outline(after)).toEqual(outline(flat));
				const same = section.level === 0 ? parseSections(out) : after[flat.indexOf(section)];
				expect(same.end).toBe(section.end + edit.text.length);
			}),
			RUNS,
		);
	});
});

describe.each([
	['replaceSectionContent', replaceSectionContent, (s: Section) => s.end],
	['replaceOwnContent', replaceOwnContent, sectionOwnContentEnd],
])('%s on generated notes', (_name, replace, limitOf) => {
	const content = fc.oneof(addedLines, fc.constant(''));

	it('replaces the content under the heading, keeps the blank lines before what follows, and changes no byte outside', () => {
		fc.assert(
			fc.property(generatedNote, fc.nat(), content, (note, pick, newContent) => {
				const { text } = note;
				const { flat, section } = pickSection(text, pick);
				const limit = limitOf(section);
				const eol = detectEol(text);
				const edit = replace(text, section, newContent);
				const out = applyEdits(text, [edit]);

				expectUntouchedOutside(text, out, section.headingEnd, limit);
				expect(edit.start).toBe(section.headingEnd);
				// Everything up to the last content line goes; only the blank separation is kept.
				expect(edit.end).toBeLessThanOrEqual(limit);
				expect(onlyBlankLines(text.slice(edit.end, limit))).toBe(true);
				if (edit.end > edit.start) expect(isBlankLine(lineAt(text, edit.end - 1).text)).toBe(false);
				const lead = newContent === '' ? '' : section.headingEnd > 0 && text[section.headingEnd - 1] !== '\n' ? eol : '';
				expect(edit.text).toBe(lead + inFileEol(newContent, eol));
				// Headings outside the replaced range are all still there, in order.
				const kept = flat.filter((s) => s.headingStart < section.headingEnd || s.headingStart >= limit);
				expect(outline(flattenSections(parseSections(out)))).toEqual(outline(kept));
			}),
			RUNS,
		);
	});
});

describe('ensureSection on generated notes', () => {
	const NEW_TITLE = 'Brand-new 🆕 セクション';

	it('creates the section after its nearest canonical predecessor (or before its follower, or at the parent’s end), inserting only', () => {
		fc.assert(
			fc.property(
				generatedNote,
				fc.nat(),
				fc.array(fc.nat(), { maxLength: 3 }),
				fc.array(fc.nat(), { maxLength: 3 }),
				fc.option(proseLine, { nil: undefined }),
				(note, pick, afterPicks, beforePicks, content) => {
					const { text } = note;
					const root = parseSections(text);
					const flat = flattenSections(root);
					// Siblings of one level, as in every template: mixed levels make "sibling" ambiguous.
					const uniform = (s: Section): boolean => s.children.every((c) => c.level === s.children[0].level);
					const containers = [root, ...flat.filter((s) => s.level < 6)].filter(uniform);
					const parent = containers[pick % containers.length];
					const siblings = parent.children;
					// Titles of present siblings mixed with one that is absent.
					const titleOf = (n: number): string => (n % (siblings.length + 1) === siblings.length ? 'Absent' : siblings[n % (siblings.length + 1)].title);
					const after = afterPicks.map(titleOf);
					const before = beforePicks.map(titleOf);
					const level = siblings.length > 0 ? siblings[0].level : parent.level + 1;

					const result = ensureSection(text, root, { title: NEW_TITLE, level, parent, after, before, content });
					if (!result.ok || !result.edit) throw new Error('expected an edit');
					const edit = result.edit;
					const out = applyEdits(text, [edit]);
					expectPureInsertion(text, out, edit);
					expectUntouchedOutside(text, out, parent.headingEnd, parent.end);

					// Where it should go, as an index into the document's headings.
					const same = (s: Section, t: string): boolean => s.title.trim().toLowerCase() === t.trim().toLowerCase();
					let index = flat.filter((s) => s.headingStart < parent.end).length;
					const anchor = [...after]
						.reverse()
						.map((t) => [...siblings].reverse().find((s) => same(s, t)))
						.find((s) => s);
					const follower = before.map((t) => siblings.find((s) => same(s, t))).find((s) => s);
					if (anchor) index = flat.filter((s) => s.headingStart < anchor.end).length;
					else if (follower) index = flat.indexOf(follower);

					const newFlat = flattenSections(parseSections(out));
					const expected = outline(flat);
					expected.splice(index, 0, `${level} ${NEW_TITLE}`);
					expect(outline(newFlat)).toEqual(expected);
					const created = newFlat[index];
					expect(created.parent?.level).toBe(parent.level);
					expect(created.parent?.title).toBe(parent.title);
					expect(out.slice(created.headingEnd, created.end).replace(/[ \t\r\n]+$/, '')).toBe((content ?? '').replace(/[ \t]+$/, ''));

					// Tidy: the file's line ends, a blank line above unless at the very start, and below when more follows.
					const eol = detectEol(text);
					expect(edit.text.replace(/\r\n/g, '\n').split('\n').join(eol)).toBe(edit.text);
					const lineAbove = lineAt(out, created.headingStart - 1);
					if (created.headingStart > 0) expect(isBlankLine(lineAbove.text)).toBe(true);
					const following = created.end < out.length ? lineAt(out, created.end - 1) : null;
					if (following) expect(isBlankLine(following.text)).toBe(true);
					// A second run finds it and does nothing.
					const newRoot = parseSections(out);
					const sameParent = parent.level === 0 ? newRoot : flattenSections(newRoot)[flat.indexOf(parent)];
					expect(ensureSection(out, newRoot, { title: NEW_TITLE, level, parent: sameParent, after, before })).toMatchObject({ ok: true, edit: null });
				},
			),
			RUNS,
		);
	});
});
