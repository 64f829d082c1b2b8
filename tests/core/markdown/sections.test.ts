import { findSection, flattenSections, parseSections, sectionAt, sectionOwnContentEnd, sectionPath, type Section } from '../../../src/core/markdown/sections';

/** Level and title of every heading found, in order. */
function outline(text: string): string[] {
	return flattenSections(parseSections(text)).map((s) => `${s.level} ${s.title}`);
}

describe('parseSections: which lines are headings', () => {
	it('reads ATX headings of levels 1–6 with up to 3 leading spaces', () => {
		const text = ['# One', '## Two', '   ### Three', '#### Four', '##### Five', '###### Six', '####### Seven', '    ## Indented code'].join('\n');
		expect(outline(text)).toEqual(['1 One', '2 Two', '3 Three', '4 Four', '5 Five', '6 Six']);
	});

	it('needs a space, a tab or the line end after the #s, so tags are not headings', () => {
		expect(outline('#tag\n##\tTabbed\n##\n#5 issue\n')).toEqual(['2 Tabbed', '2 ']);
	});

	it('strips a closing run of #s only when a space precedes it', () => {
		expect(outline('## Title ##\n## Trailing #   \n## C#\n## ##\n## Issue \\#\n')).toEqual(['2 Title', '2 Trailing', '2 C#', '2 ', '2 Issue \\#']);
	});

	it('trims the title and keeps unicode as written', () => {
		expect(outline('##   Café e\u0301 新しい 🙂👩‍💻   \n')).toEqual(['2 Café e\u0301 新しい 🙂👩‍💻']);
	});

	it('ignores heading-like lines in fenced code blocks of any fence length and in unclosed fences', () => {
		const text = [
			'## Real',
			'````markdown',
			'```',
			'## Not a heading',
			'```',
			'### Session 9: 2025-01-01 - Fake',
			'````',
			'~~~',
			'# Nor this',
			'~~~',
			'### After fences',
			'```bash',
			'## unclosed to the end',
		].join('\n');
		expect(outline(text)).toEqual(['2 Real', '3 After fences']);
	});

	it('ignores the YAML frontmatter, its comments and # lines in block scalars', () => {
		const text = ['---', '# a YAML comment', 'notes: |', '  ## Not a heading', '  ```', '---', '## Body', 'text', ''].join('\r\n');
		const root = parseSections(text);
		expect(outline(text)).toEqual(['2 Body']);
		expect(root.headingStart).toBe(text.indexOf('## Body'));
		expect(root.headingEnd).toBe(root.headingStart);
		expect(root.end).toBe(text.length);
	});

	it('treats a file whose opening --- is never closed as having no frontmatter', () => {
		expect(outline('---\n# Title\n')).toEqual(['1 Title']);
	});
});

describe('parseSections: ranges and nesting', () => {
	const text = '# Doc\r\nintro\r\n\r\n## A\r\na\r\n### A1\r\n#### A1x\r\n## B\r\nb';
	const root = parseSections(text);
	const [doc] = root.children;
	const [a, b] = doc.children;

	it('nests headings under the nearest shallower heading', () => {
		expect(root.children.map((s) => s.title)).toEqual(['Doc']);
		expect(doc.children.map((s) => s.title)).toEqual(['A', 'B']);
		expect(a.children[0].title).toBe('A1');
		expect(a.children[0].children[0].title).toBe('A1x');
		expect(a.children[0].children[0].parent).toBe(a.children[0]);
		expect(doc.parent).toBe(root);
	});

	it('gives each heading its line, content start past the CRLF, and end at the next heading of its level or higher', () => {
		expect(text.slice(a.headingStart, a.headingEnd)).toBe('## A\r\n');
		expect(a.end).toBe(text.indexOf('## B'));
		expect(a.children[0].end).toBe(a.end);
		expect(b.end).toBe(text.length);
		expect(text.slice(b.headingEnd, b.end)).toBe('b');
		expect(doc.end).toBe(text.length);
	});

	it('ends a heading on the last line without a line end at the text end', () => {
		const s = parseSections('intro\n## Last').children[0];
		expect(s.headingStart).toBe(6);
		expect(s.headingEnd).toBe(13);
		expect(s.end).toBe(13);
	});

	it('knows where a section’s own content ends', () => {
		expect(sectionOwnContentEnd(a)).toBe(a.children[0].headingStart);
		expect(sectionOwnContentEnd(b)).toBe(b.end);
	});

	it('finds the deepest section at an offset', () => {
		expect(sectionAt(root, text.indexOf('#### A1x') + 3).title).toBe('A1x');
		expect(sectionAt(root, text.indexOf('intro')).title).toBe('Doc');
		const plain = parseSections('before\n# H\n');
		expect(sectionAt(plain, 2)).toBe(plain);
	});

	it('reports a section’s path of titles', () => {
		expect(sectionPath(a.children[0].children[0])).toEqual(['Doc', 'A', 'A1', 'A1x']);
		expect(sectionPath(root)).toEqual([]);
	});
});

describe('findSection', () => {
	const text = [
		'# Context: Cold Storage',
		'## Implementation Timeline',
		'### Session 1: 2025-08-26 - Initial Planning',
		'#### Implementation',
		'### Session 2: 2025-08-27 - Mounts',
		'#### Implementation',
		'## Deliverables',
		'### Scripts',
		'## Metrics',
		'### Implementation',
	].join('\n');
	const root = parseSections(text);
	const lineOf = (s: Section | null): string | undefined => (s ? text.slice(s.headingStart, s.headingEnd).trimEnd() : undefined);

	it('follows a path of titles and patterns through any depth', () => {
		const impl = findSection(root, ['Implementation Timeline', /^Session 2:/, 'Implementation']);
		expect(impl?.headingStart).toBe(text.indexOf('#### Implementation', text.indexOf('### Session 2')));
		expect(lineOf(findSection(root, ['Deliverables', 'Scripts']))).toBe('### Scripts');
	});

	it('matches title strings case-insensitively and ignoring surrounding spaces', () => {
		expect(lineOf(findSection(root, ['  metrics ']))).toBe('## Metrics');
	});

	it('prefers the shallowest match, then document order', () => {
		// "Implementation" exists under sessions (depth 3) and under Metrics (depth 2 below the H1 title).
		const m = findSection(root, ['Metrics', 'Implementation']);
		expect(m?.parent?.title).toBe('Metrics');
		expect(findSection(root, ['Implementation'])?.parent?.title).toBe('Metrics');
	});

	it('accepts a predicate and resets global regexps between tests', () => {
		expect(lineOf(findSection(root, [(s) => s.level === 3 && s.title.startsWith('Session 1')]))).toBe('### Session 1: 2025-08-26 - Initial Planning');
		const g = /session/gi;
		expect(findSection(root, [g])?.title).toBe('Session 1: 2025-08-26 - Initial Planning');
		expect(findSection(root, [g])?.title).toBe('Session 1: 2025-08-26 - Initial Planning');
	});

	it('returns null when a step is missing and the root for an empty path', () => {
		expect(findSection(root, ['Implementation Timeline', /^Session 3:/])).toBeNull();
		expect(findSection(root, ['Deliverables', 'Session 1'])).toBeNull();
		expect(findSection(root, [])).toBe(root);
	});
});
