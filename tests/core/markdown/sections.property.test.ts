import fc from 'fast-check';
import { bodyStart } from '../../../src/core/markdown/frontmatter-bounds';
import { flattenSections, parseSections, type Section } from '../../../src/core/markdown/sections';
import { lineAt } from '../../../src/core/markdown/text-edit';
import { generatedNote } from './markdown-arbitraries';

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
