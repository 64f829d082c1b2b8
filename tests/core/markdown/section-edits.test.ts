import { appendToOwnContent, appendToSection, ensureSection, ensureSectionIn, replaceOwnContent, replaceSectionContent } from '../../../src/core/markdown/section-edits';
import { findSection, parseSections, type Section } from '../../../src/core/markdown/sections';
import { applyEdits, type TextEdit } from '../../../src/core/markdown/text-edit';

/** A context file in the seed's template, with the mess real ones have (trailing "  " breaks, code, frontmatter). */
const CONTEXT_LINES = [
	'---',
	'id: 1014',
	'type: task',
	'# the journal of spec 1014',
	'spec: "[[1014.spec]]"',
	'notes: |',
	'  ## Not a heading (YAML block scalar)',
	'---',
	'# Context: Cold Storage (NAS) Integration',
	'',
	'**Spec**: [[1014.spec|1014 - Cold Storage NAS]]  ',
	'**Parent**: [[spec|1001 - Storage Infrastructure]]  ',
	'**Status**: implementing  ',
	'**Created**: 2025-08-26 14:30  ',
	'**Updated**: 2025-08-27 10:05',
	'',
	'## Summary',
	'Implementing NAS integration for a 28TB cold storage tier. 🗄️',
	'',
	'## Implementation Timeline',
	'',
	'### Session 1: 2025-08-26 - Initial Planning',
	'**Duration**: 2.5 hours  ',
	'**Participants**: User, Claude  ',
	'**Status**: completed',
	'',
	'#### Planning',
	'- Reviewing spec requirements',
	'',
	'#### Implementation',
	'- Created [[deliverables/scripts/optimize-network.sh|Network Optimization Script]]',
	'  ```bash',
	'  # Saved to: specs/1000/1001/deliverables/scripts/optimize-network.sh',
	'  ## Not a heading either',
	'  ```',
	'',
	'#### Testing',
	'- Ran unit tests: ✅ All passing',
	'',
	'### Session 2: 2025-08-27 - NFS Mount Options',
	'**Duration**: In progress  ',
	'**Participants**: User, Claude  ',
	'**Status**: active',
	'',
	'#### Planning',
	'- Compare `rsize`/`wsize` values',
	'',
	'#### Implementation',
	'- Added optimized mount to `/etc/fstab`',
	'',
	'#### Commits',
	'- `a1b2c3d`: Add network optimization script for NAS',
	'',
	'## Deliverables',
	'',
	'### Scripts',
	'- [[deliverables/scripts/optimize-network.sh|Network Optimization Script]] - Applies sysctl optimizations',
	'',
	'## Metrics',
	'',
	'### Implementation',
	'- **Total Sessions**: 1',
	'- **Total Duration**: 2.5 hours',
	'',
	'## Notes & Learnings',
	'````markdown',
	'### Session 9: 2025-01-01 - An example inside a fence',
	'```',
	'## Not a heading',
	'```',
	'````',
	'- Chose NFS over SMB',
	'',
];
const LF = CONTEXT_LINES.join('\n');
const CRLF = CONTEXT_LINES.join('\r\n');

const SESSION_2 = ['Implementation Timeline', /^Session 2:/];
const SESSION_SUBSECTIONS = ['Planning', 'Changes to Spec', 'Implementation', 'Testing', 'Commits', 'Issues & Resolutions'];

function section(text: string, path: (string | RegExp)[]): Section {
	const found = findSection(parseSections(text), path);
	if (!found) throw new Error(`test setup: no section ${path.join(' / ')}`);
	return found;
}

function apply(text: string, edit: TextEdit | null): string {
	return edit ? applyEdits(text, [edit]) : text;
}

/** The fixture with `lines` inserted before the line currently at index `at` (in the fixture's own line end). */
function withLinesAt(eol: string, at: number, lines: string[]): string {
	return [...CONTEXT_LINES.slice(0, at), ...lines, ...CONTEXT_LINES.slice(at)].join(eol);
}

const lineIndex = (line: string, from = 0): number => {
	const i = CONTEXT_LINES.indexOf(line, from);
	if (i < 0) throw new Error(`test setup: no line ${line}`);
	return i;
};
const SESSION_2_LINE = lineIndex('### Session 2: 2025-08-27 - NFS Mount Options');

describe.each([
	['LF', LF, '\n'],
	['CRLF', CRLF, '\r\n'],
])('section edits on a seed-style context file (%s)', (_name, original, eol) => {
	it('appends an entry to #### Implementation of ### Session 2, after its last entry', () => {
		const impl = section(original, [...SESSION_2, 'Implementation']);
		const out = apply(original, appendToSection(original, impl, '- Tuned `actimeo` for NFS\n'));
		expect(out).toBe(withLinesAt(eol, lineIndex('- Added optimized mount to `/etc/fstab`') + 1, ['- Tuned `actimeo` for NFS']));
	});

	it('creates the missing #### Testing of Session 2 between Implementation and Commits', () => {
		const root = parseSections(original);
		const result = ensureSection(original, root, {
			title: 'Testing',
			level: 4,
			parentPath: SESSION_2,
			after: SESSION_SUBSECTIONS.slice(0, 3),
			before: SESSION_SUBSECTIONS.slice(4),
			content: '- Mount test: ✅',
		});
		expect(result.ok).toBe(true);
		const out = apply(original, result.edit);
		expect(out).toBe(withLinesAt(eol, lineIndex('#### Commits'), ['#### Testing', '- Mount test: ✅', '']));
	});

	it('creates ## Plan under the note title, after ## Summary and before ## Implementation Timeline', () => {
		const result = ensureSection(original, parseSections(original), {
			title: 'Plan',
			level: 2,
			after: ['Summary'],
			before: ['Implementation Timeline', 'Deliverables'],
			content: '- [ ] Benchmark performance\n- [ ] Document setup process\n',
		});
		const out = apply(original, result.edit);
		expect(out).toBe(withLinesAt(eol, lineIndex('## Implementation Timeline'), ['## Plan', '- [ ] Benchmark performance', '- [ ] Document setup process', '']));
	});

	it('replaces the content of ## Metrics, child sections included, keeping the blank line before the next heading', () => {
		const metrics = section(original, ['Metrics']);
		const out = apply(original, replaceSectionContent(original, metrics, '- **Total Sessions**: 2\n- **Total Duration**: 4 hours'));
		const start = lineIndex('## Metrics') + 1;
		const expected = [
			...CONTEXT_LINES.slice(0, start),
			'- **Total Sessions**: 2',
			'- **Total Duration**: 4 hours',
			...CONTEXT_LINES.slice(lineIndex('## Notes & Learnings') - 1),
		].join(eol);
		expect(out).toBe(expected);
	});

	it('appends a new session at the end of ## Implementation Timeline, after all of Session 2', () => {
		const timeline = section(original, ['Implementation Timeline']);
		const out = apply(original, appendToSection(original, timeline, '\n### Session 3: 2025-08-28 - Benchmarks\n**Duration**: In progress\n'));
		expect(out).toBe(withLinesAt(eol, lineIndex('## Deliverables') - 1, ['', '### Session 3: 2025-08-28 - Benchmarks', '**Duration**: In progress']));
	});

	it('appends a header line to Session 2’s own content, above its #### Planning', () => {
		const session2 = section(original, SESSION_2);
		const out = apply(original, appendToOwnContent(original, session2, '**Started**: 2025-08-27 09:00'));
		expect(out).toBe(withLinesAt(eol, SESSION_2_LINE + 4, ['**Started**: 2025-08-27 09:00']));
	});

	it('replaces Session 2’s own header lines and keeps its subsections', () => {
		const session2 = section(original, SESSION_2);
		const out = apply(original, replaceOwnContent(original, session2, '**Duration**: 1.5 hours\n**Status**: completed\n'));
		const expected = [...CONTEXT_LINES.slice(0, SESSION_2_LINE + 1), '**Duration**: 1.5 hours', '**Status**: completed', ...CONTEXT_LINES.slice(SESSION_2_LINE + 4)].join(eol);
		expect(out).toBe(expected);
	});

	it('appends after a fenced block whose lines look like headings, not inside it', () => {
		const notes = section(original, ['Notes & Learnings']);
		const out = apply(original, appendToSection(original, notes, '- Mount with `nofail`'));
		expect(out).toBe(withLinesAt(eol, CONTEXT_LINES.length - 1, ['- Mount with `nofail`']));
	});

	it('leaves an existing section alone, whatever the case of its title', () => {
		const result = ensureSection(original, parseSections(original), { title: 'summary', level: 2, after: [] });
		expect(result).toMatchObject({ ok: true, edit: null });
		expect(result.ok && result.existing?.title).toBe('Summary');
	});

	it('creates a section and returns it ready for the next edit', () => {
		const created = ensureSectionIn(original, { title: 'Issues & Resolutions', level: 4, parentPath: SESSION_2, after: SESSION_SUBSECTIONS.slice(0, 5) });
		if (!created.ok) throw new Error(created.error);
		expect(created.created).toBe(true);
		const out = apply(created.text, appendToSection(created.text, created.section, '- **Issue**: stale handles\n'));
		const at = lineIndex('## Deliverables') - 1;
		expect(out).toBe(withLinesAt(eol, at, ['', '#### Issues & Resolutions', '- **Issue**: stale handles']));
	});
});

describe('section edits at the edges of a file', () => {
	it('adds the missing final line end before appending at the end of the file', () => {
		const text = '## Notes\r\n- one';
		const out = apply(text, appendToSection(text, section(text, ['Notes']), '- two\n'));
		expect(out).toBe('## Notes\r\n- one\r\n- two\r\n');
	});

	it('appends under a heading that is the last line, without a line end', () => {
		const text = 'intro\n## Notes';
		expect(apply(text, appendToSection(text, section(text, ['Notes']), '- one'))).toBe('intro\n## Notes\n- one\n');
	});

	it('appends directly under a heading with no content, keeping the blank line before the next one', () => {
		const text = '## A\n\n\n## B\n';
		expect(apply(text, appendToSection(text, section(text, ['A']), '- a'))).toBe('## A\n- a\n\n\n## B\n');
	});

	it('does not add a blank line where the user had none', () => {
		const text = '## A\n- a\n## B\n';
		expect(apply(text, appendToSection(text, section(text, ['A']), '- b'))).toBe('## A\n- a\n- b\n## B\n');
	});

	it('converts a caller’s CRLF lines to an LF file’s line ends', () => {
		const text = '## A\n- a\n';
		expect(apply(text, appendToSection(text, section(text, ['A']), '- b\r\n- c'))).toBe('## A\n- a\n- b\n- c\n');
	});

	it('emptying a section keeps its heading and spacing', () => {
		const text = '## A\n- a\n- b\n\n## B\n';
		expect(apply(text, replaceSectionContent(text, section(text, ['A']), ''))).toBe('## A\n\n## B\n');
	});

	it('creates a section at the end of a file without a final line end, with a blank line before it', () => {
		const text = '## Summary\nDone.';
		const result = ensureSection(text, parseSections(text), { title: 'Metrics', level: 2, after: ['Summary'], content: '- x' });
		expect(apply(text, result.edit)).toBe('## Summary\nDone.\n\n## Metrics\n- x\n');
	});

	it('creates a section before the first canonical follower when no predecessor exists, separated by blank lines', () => {
		const text = '# T\n## Implementation Timeline\n- s\n';
		const result = ensureSection(text, parseSections(text), { title: 'Summary', level: 2, after: [], before: ['Implementation Timeline'] });
		expect(apply(text, result.edit)).toBe('# T\n\n## Summary\n\n## Implementation Timeline\n- s\n');
	});

	it('creates a section at the end of its parent when no sibling is named', () => {
		const text = '## Deliverables\n### Scripts\n- a\n\n## Metrics\n';
		const result = ensureSection(text, parseSections(text), { title: 'Docs', level: 3, parentPath: ['Deliverables'], content: '- b' });
		expect(apply(text, result.edit)).toBe('## Deliverables\n### Scripts\n- a\n\n### Docs\n- b\n\n## Metrics\n');
	});

	it('creates the first section of an empty note, and one after frontmatter', () => {
		expect(apply('', ensureSection('', parseSections(''), { title: 'Summary', level: 2 }).edit)).toBe('## Summary\n');
		const fm = '---\r\nid: 1\r\n---\r\n';
		expect(apply(fm, ensureSection(fm, parseSections(fm), { title: 'Summary', level: 2 }).edit)).toBe('---\r\nid: 1\r\n---\r\n\r\n## Summary\r\n');
	});
});

describe('ensureSection refuses what it cannot do, changing nothing', () => {
	const text = '## Implementation Timeline\n### Session 1: 2025-08-26 - A\n';
	const root = parseSections(text);

	it('names a missing parent', () => {
		const result = ensureSection(text, root, { title: 'Testing', level: 4, parentPath: SESSION_2 });
		expect(result).toEqual({ ok: false, edit: null, error: 'No section "Implementation Timeline" › /^Session 2:/ to hold "#### Testing".' });
	});

	it('refuses a heading not deeper than its parent', () => {
		const result = ensureSection(text, root, { title: 'Testing', level: 3, parentPath: [/^Session 1:/] });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toBe('Cannot create "### Testing" under "### Session 1: 2025-08-26 - A": it must be a deeper heading.');
	});

	it('refuses bad levels and multi-line titles', () => {
		expect(ensureSection(text, root, { title: 'X', level: 7 }).ok).toBe(false);
		expect(ensureSection(text, root, { title: 'a\nb', level: 2 }).ok).toBe(false);
		expect(ensureSection(text, root, { title: '  ', level: 2 }).ok).toBe(false);
		expect(ensureSectionIn(text, { title: 'Testing', level: 4, parentPath: SESSION_2 })).toEqual({
			ok: false,
			error: 'No section "Implementation Timeline" › /^Session 2:/ to hold "#### Testing".',
		});
	});
});

describe('a code fence left open at the end of the file', () => {
	it('is closed before a new section, so the heading is a heading and a second run finds it', () => {
		const text = '## Notes\n````bash\necho hi\n```\n';
		const first = ensureSectionIn(text, { title: 'Metrics', level: 2, after: ['Notes'] });
		if (!first.ok) throw new Error(first.error);
		expect(first.text).toBe('## Notes\n````bash\necho hi\n```\n````\n\n## Metrics\n');
		const second = ensureSectionIn(first.text, { title: 'Metrics', level: 2, after: ['Notes'] });
		expect(second).toMatchObject({ ok: true, created: false, text: first.text });
	});

	it('is closed before appended lines, so they are not swallowed into the code', () => {
		const text = '## Notes\r\n~~~\r\nraw';
		expect(apply(text, appendToSection(text, section(text, ['Notes']), '- entry'))).toBe('## Notes\r\n~~~\r\nraw\r\n~~~\r\n- entry\r\n');
	});

	it('is left alone when it is closed on the last line', () => {
		const text = '## Notes\n```\ncode\n```';
		expect(apply(text, appendToSection(text, section(text, ['Notes']), '- entry'))).toBe('## Notes\n```\ncode\n```\n- entry\n');
	});
});
