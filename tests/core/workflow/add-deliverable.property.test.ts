import fc from 'fast-check';
import { addRegistryEntry } from '../../../src/core/edits/registry-entry';
import { addToChildList } from '../../../src/core/edits/child-list';
import { splitLines } from '../../../src/core/markdown/eol';
import { findSection, parseSections } from '../../../src/core/markdown/sections';
import { generatedNote } from '../markdown/markdown-arbitraries';

/**
 * Over messy generated notes (CRLF and mixed line ends, fences holding headings, frontmatter,
 * no final line end), adding a registry or child-list entry is one insertion: every byte of the
 * note stays, and what is added is the entry line plus, when missing, its section headings
 * (and the closing fence of a block left open at the end of the file).
 */

const ENTRY = '- [[deliverables/scripts/x.sh|X Script]] - Does x';
const EXISTING = '## Deliverables\n\n### Scripts\n- [[deliverables/scripts/a.sh|A]]\n\nSome prose.\n\n### Configuration Files\n- [[deliverables/config/b.conf|B]]\n';

const note = fc
	.tuple(generatedNote, fc.option(fc.constant(EXISTING), { nil: null }), generatedNote)
	.map(([a, block, b]) => (block === null ? a.text : `${a.text}${a.text.endsWith('\n') ? '' : '\n'}${block}${b.text.replace(/^---/, 'text')}`));

/**
 * The lines `after` has in place of `before`'s, when `after` is `before` with lines inserted at
 * one place (every other byte equal); null when anything was changed or removed. The line before
 * the insertion may gain the line end it lacked at the end of the file.
 */
function insertedLines(before: string, after: string): string[] | null {
	const a = splitLines(before);
	const b = splitLines(after);
	if (b.length < a.length) return null;
	// Blank lines make the place ambiguous: try every split of `before` into kept head and tail.
	for (let p = a.length; p >= 0; p--) {
		const s = a.length - p;
		if (!a.slice(0, p).every((l, i) => l.text === b[i].text)) continue;
		if (!a.slice(p).every((l, i) => l.text === b[b.length - s + i].text)) continue;
		const head = p === 0 ? 0 : a[p - 1].end;
		const tail = s === 0 ? before.length : a[p].start;
		if (!after.startsWith(before.slice(0, head)) || !after.endsWith(before.slice(tail))) continue;
		return b.slice(p, b.length - s).map((l) => l.text);
	}
	return null;
}

const allowedLine = (allowed: string[]) => (line: string) => line.trim() === '' || allowed.includes(line) || /^ {0,3}(`{3,}|~{3,})$/.test(line);

describe('registry and child-list edits keep every byte of the note', () => {
	it('addRegistryEntry inserts the entry (and missing headings) and nothing else', () => {
		fc.assert(
			fc.property(note, (text) => {
				const out = addRegistryEntry(text, 'note.md', 'deliverables/scripts/x.sh', {
					placement: { after: ['Overview'], before: ['Acceptance Criteria'] },
					heading: 'Scripts',
					typeKey: 'scripts',
					line: ENTRY,
				});
				const lines = insertedLines(text, out);
				expect(lines).not.toBeNull();
				expect(lines?.filter((l) => l === ENTRY)).toHaveLength(1);
				expect(lines?.every(allowedLine([ENTRY, '## Deliverables', '### Scripts']))).toBe(true);
				// A note that has the section (at any level, anywhere) never gets a second one.
				if (findSection(parseSections(text), ['Deliverables'])) expect(lines).not.toContain('## Deliverables');
			}),
			{ numRuns: 300 },
		);
	});

	it('addToChildList inserts the item (and a missing ## Tasks) and nothing else', () => {
		const item = '- [[1015.spec|1015 - Snapshot Rotation]]';
		fc.assert(
			fc.property(note, (text) => {
				const out = addToChildList(text, 'spec.md', 'Tasks', item);
				const lines = insertedLines(text, out);
				expect(lines).not.toBeNull();
				expect(lines?.filter((l) => l === item)).toHaveLength(1);
				expect(lines?.every(allowedLine([item, '## Tasks']))).toBe(true);
				if (findSection(parseSections(text), ['Tasks'])) expect(lines).not.toContain('## Tasks');
			}),
			{ numRuns: 300 },
		);
	});
});
