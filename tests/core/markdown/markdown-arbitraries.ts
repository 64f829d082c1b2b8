import fc from 'fast-check';

/**
 * Generated markdown notes as messy as real vaults: LF, CRLF or mixed line ends, unicode (emoji,
 * CJK, combining marks), YAML frontmatter with comments and `## ` lines in block scalars, code
 * fences holding `## ` and `### Session` lines, closing #s, no final line end. Each note carries
 * the headings it really has, so tests can compare the parser against the generator.
 */
export interface GeneratedNote {
	text: string;
	/** `${level} ${title}` of every real heading, in order. */
	headings: string[];
	/** A fence left open to the end of the text: where its opening line starts and the line that closes it. */
	openFence: { start: number; closer: string } | null;
}

interface Line {
	text: string;
	heading?: string;
}

const TITLE_WORDS = [
	'Session',
	'2:',
	'2025-08-27',
	'-',
	'Plan',
	'Implementation',
	'Testing',
	'Issues',
	'&',
	'Resolutions',
	'Café',
	'e\u0301te\u0301',
	'新しい',
	'漢字',
	'🙂',
	'👩‍💻',
	'🇯🇵',
	'C#',
	'a\u00a0b',
	'[[spec|Spec]]',
	'`code`',
	'#tag',
	'x##y',
	'—',
];
const TEXT_WORDS = [...TITLE_WORDS, '#', '##', '###', '`', '**Bold**:', '[[../epic|Epic]]', '[[ -d "$X" ]]', '\t', '***', '---', '~~~', '```'];
// First words that cannot start a heading, fence, frontmatter or thematic break.
const FIRST_WORDS = ['Text', 'note', 'Ünïcode', '新', '🙂', '**Duration**:', '[[link]]', '1.', '- item', '- [ ] task', '> quote', 'e\u0301'];

const words = (pool: string[], min: number, max: number): fc.Arbitrary<string[]> => fc.array(fc.constantFrom(...pool), { minLength: min, maxLength: max });

/** A line of prose that is never a heading or a fence. */
export const proseLine: fc.Arbitrary<string> = fc
	.tuple(fc.constantFrom(...FIRST_WORDS), words(TEXT_WORDS, 0, 6), fc.constantFrom('', '', '  ', '\t'))
	.map(([first, rest, trailing]) => [first, ...rest].join(' ') + trailing);

const headingLine: fc.Arbitrary<Line> = fc
	.record({
		indent: fc.constantFrom('', '', '', ' ', '  ', '   '),
		level: fc.integer({ min: 1, max: 6 }),
		title: fc.oneof({ weight: 9, arbitrary: words(TITLE_WORDS, 1, 5) }, { weight: 1, arbitrary: fc.constant([]) }),
		closing: fc.constantFrom('', '', '', ' #', ' ##', ' ######'),
		trailing: fc.constantFrom('', '', ' ', '\t'),
	})
	.map(({ indent, level, title, closing, trailing }) => {
		const text = title.length > 0 ? title.join(' ') : '';
		const line = `${indent}${'#'.repeat(level)}${text ? ' ' + text : ''}${closing}${trailing}`;
		return { text: line, heading: `${level} ${text}` };
	});

const blankLine: fc.Arbitrary<Line> = fc.constantFrom('', '', ' ', '\t').map((text) => ({ text }));

const FENCES = ['```', '```bash', '~~~', '````markdown', '~~~~'];
const fenceInner = (fence: string): fc.Arbitrary<string> => {
	const inner = ['## Not a heading', '### Session 3: 2025-01-01 - Fake', '# Title', '#### Testing', '', '[[not-a-link]]'];
	// A shorter fence or the other fence character does not close the block.
	if (fence.startsWith('````')) inner.push('```', '```js');
	if (fence.startsWith('~')) inner.push('```');
	return fc.oneof(fc.constantFrom(...inner), proseLine);
};

const fenceBlock = (closed: boolean): fc.Arbitrary<Line[]> =>
	fc.constantFrom(...FENCES).chain((opener) => {
		const fence = /^[`~]+/.exec(opener)?.[0] ?? '```';
		return fc
			.tuple(fc.constantFrom('', '', '  '), fc.array(fenceInner(fence), { maxLength: 5 }), fc.constantFrom('', '  '))
			.map(([indent, inner, closeIndent]) => [{ text: indent + opener }, ...inner.map((text) => ({ text })), ...(closed ? [{ text: closeIndent + fence }] : [])]);
	});

const block: fc.Arbitrary<Line[]> = fc.oneof(
	{ weight: 5, arbitrary: headingLine.map((l) => [l]) },
	{ weight: 4, arbitrary: fc.array(proseLine, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((text) => ({ text }))) },
	{ weight: 3, arbitrary: blankLine.map((l) => [l]) },
	{ weight: 1, arbitrary: fenceBlock(true) },
);

const YAML_LINES = [
	'id: 1014',
	'# a YAML comment: ## not a heading',
	'notes: |',
	'  ## Not a heading (block scalar)',
	'  ### Session 1: 2025-01-01 - Fake',
	'  ```',
	'tags: [a, b] # trailing comment',
	'title: "Cold Storage 🗄️"',
];
const frontmatter: fc.Arbitrary<Line[]> = fc.subarray(YAML_LINES).map((yaml) => [{ text: '---' }, ...yaml.map((text) => ({ text })), { text: '---' }]);

export type EolMode = 'lf' | 'crlf' | 'mixed';

export const generatedNote: fc.Arbitrary<GeneratedNote> = fc
	.record({
		front: fc.option(frontmatter, { nil: null, freq: 2 }),
		blocks: fc.array(block, { maxLength: 40, size: 'medium' }),
		openFence: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fenceBlock(false) }),
		mode: fc.constantFrom<EolMode>('lf', 'crlf', 'mixed'),
		mixed: fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 1, maxLength: 7 }),
		finalEol: fc.boolean(),
	})
	.map(({ front, blocks, openFence, mode, mixed, finalEol }) => {
		const lines: Line[] = [...(front ?? []), ...blocks.flat()];
		const fenceLine = openFence ? lines.length : -1;
		lines.push(...(openFence ?? []));
		let text = '';
		let fence: GeneratedNote['openFence'] = null;
		for (let i = 0; i < lines.length; i++) {
			if (i === fenceLine && openFence) fence = { start: text.length, closer: /[`~]+/.exec(openFence[0].text)?.[0] ?? '' };
			const eol = mode === 'lf' ? '\n' : mode === 'crlf' ? '\r\n' : mixed[i % mixed.length];
			text += lines[i].text + (i < lines.length - 1 || finalEol ? eol : '');
		}
		const headings = lines.flatMap((l) => (l.heading === undefined ? [] : [l.heading]));
		return { text, headings, openFence: fence };
	});

/** Lines a caller would add, written with "\n", with or without a final one. */
export const addedLines: fc.Arbitrary<string> = fc
	.tuple(fc.array(proseLine, { minLength: 1, maxLength: 3 }), fc.boolean())
	.map(([ls, final]) => ls.join('\n') + (final ? '\n' : ''));

/**
 * Markdown built to sit on the edges of the heading and fence rules rather than to be a plausible
 * note: fences of ``` and ~~~ of any length, indented by 0–4 spaces or a tab, inside list items and
 * quotes, with info strings holding backticks or text after a closing fence, left unclosed; 0–7 #s
 * with or without the space, closing #s; setext underlines; frontmatter closed, unclosed or empty;
 * LF, CRLF, lone CR and CR CR LF line ends; unicode including U+2028. Nothing is promised about
 * which lines are headings: compare parsers against each other with it.
 */
export const edgyMarkdown: fc.Arbitrary<string> = (() => {
	const indent = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '\t', ' \t');
	const word = fc.constantFrom(...TITLE_WORDS, '', '#', '##', '\\#', '`', '```', '~~~', '\u2028', 'a\rb', '  ', '\t');
	const rest = fc.array(word, { maxLength: 4 }).map((ws) => ws.join(' '));
	const heading = fc
		.tuple(indent, fc.integer({ min: 0, max: 7 }), fc.constantFrom('', ' ', ' ', '\t', '  '), rest, fc.constantFrom('', '', ' #', '#', ' ## ', '\t###', ' #\t'))
		.map(([ind, n, sep, title, closing]) => ind + '#'.repeat(n) + sep + title + closing);
	const fenceIndent = fc.constantFrom('', '', '', ' ', '   ', '    ', '\t', '- ', '  - ', '1. ', '> ');
	const info = fc.constantFrom('', '', '', ' ', 'js', ' bash', 'a`b', '`', ' ~', 'x~', '  \t', ' ```', ' 🙂');
	const fence = fc.tuple(fenceIndent, fc.constantFrom('`', '~'), fc.integer({ min: 2, max: 6 }), info).map(([ind, ch, n, inf]) => ind + ch.repeat(n) + inf);
	const other = fc.constantFrom('', ' ', '---', '--- ', '===', 'Setext title', 'text `code` and ~~strike~~', '新しい 🙂', '  ## in a paragraph? no, indented');
	const line = fc.oneof({ weight: 4, arbitrary: heading }, { weight: 4, arbitrary: fence }, { weight: 3, arbitrary: other }, { weight: 2, arbitrary: proseLine });
	const yaml = fc.array(fc.constantFrom(...YAML_LINES, '# comment', '```', '~~~'), { maxLength: 4 });
	const front = fc.oneof(
		{ weight: 3, arbitrary: fc.constant<string[]>([]) },
		{ weight: 2, arbitrary: fc.tuple(yaml, fc.constantFrom('---', '---  ', '--- x')).map(([y, close]) => ['---', ...y, close]) },
		{ weight: 1, arbitrary: yaml.map((y) => ['---', ...y]) },
	);
	const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r', '\r\r\n');
	return fc.tuple(front, fc.array(fc.tuple(line, eol), { maxLength: 40 }), fc.boolean()).map(([fm, body, finalEol]) => {
		const parts = [...fm.map((l) => l + '\n'), ...body.map(([l, e]) => l + e)];
		const text = parts.join('');
		return finalEol || body.length === 0 ? text : text.slice(0, text.length - body[body.length - 1][1].length);
	});
})();

/** Short strings over the characters the rules look at, in any order: finds what no template thought of. */
export const markdownSoup: fc.Arbitrary<string> = fc
	.tuple(
		fc.constantFrom('', '', '---\n', '---\r\n'),
		fc.string({ unit: fc.constantFrom('#', '#', ' ', ' ', '`', '`', '~', '~', '\n', '\n', '\r', '\t', 'a', '-', 'é', '🙂', '\u2028'), maxLength: 120 }),
	)
	.map(([front, soup]) => front + soup);

/** Comment openers and closers (HTML and `%%`), at a line's start or within it, some indented. */
const COMMENT_PIECES = ['<!--', '<!-- note', '-->', 'end -->', '<!-- one line -->', '   <!--', '    <!--', '%%', '%% note', 'a %%', '%% x %%', '  %%', 'text <!--'];

/** edgyMarkdown with comment lines put in at line starts: for the rules that skip comment blocks. */
export const commentedMarkdown: fc.Arbitrary<string> = fc
	.tuple(edgyMarkdown, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...COMMENT_PIECES), fc.constantFrom('\n', '\r\n')), { maxLength: 6 }))
	.map(([text, pieces]) => {
		let out = text;
		for (const [at, piece, eol] of pieces) {
			const starts = [0, ...[...out.matchAll(/\n/g)].map((m) => m.index + 1)];
			const p = starts[at % starts.length];
			out = out.slice(0, p) + piece + eol + out.slice(p);
		}
		return out;
	});
