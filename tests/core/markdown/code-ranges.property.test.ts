import fc from 'fast-check';
import { codeBlocksByRule, fencedBlocksByRule } from '../../../src/core/markdown/code-blocks-by-rule';
import { fenceAfter, findCodeBlocks, findCodeRanges, findFencedBlocks, type Fence } from '../../../src/core/markdown/code-ranges';
import { splitLines } from '../../../src/core/markdown/eol';
import { bodyStart } from '../../../src/core/markdown/frontmatter-bounds';
import { inlineRangesByRule } from '../../../src/core/markdown/inline-ranges-by-rule';
import { findInlineRanges } from '../../../src/core/markdown/inline-ranges';
import { edgyMarkdown, generatedNote, markdownSoup } from './markdown-arbitraries';

/** Lines on the edges of the list, quote and fence rules: markers, indents by spaces and tabs, quotes, fences, lazy text. */
const listyMarkdown: fc.Arbitrary<string> = (() => {
	const indent = fc.constantFrom('', '', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', ' \t', '\t\t', '  \t');
	const quote = fc.constantFrom('', '', '', '> ', '>', '> > ', '> > > ', '   > ', '>\t');
	const marker = fc.constantFrom('- ', '* ', '+ ', '1. ', '14. ', '2) ', '123456789. ', '1234567890. ', '-', '-\t', '1.', '-     ', '-      ', '1.\t\t', '--- ', '#');
	const fence = fc.constantFrom('```', '```bash', '````', '~~~', '~~~~ sh', '``', '```a`b', '```  ', '~~~ `x`');
	const text = fc.constantFrom('if [[ ! -b "$DEVICE" ]]; then', 'text', '# Heading', '## x', '#nope', '', ' ', '\t', '[[link]]', '`code`', '\u2028', 'a\rb');
	const line = fc.oneof(
		fc.tuple(quote, indent, marker, fc.oneof(text, fence)).map((parts) => parts.join('')),
		fc.tuple(quote, indent, fence).map((parts) => parts.join('')),
		fc.tuple(quote, indent, text).map((parts) => parts.join('')),
	);
	const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
	return fc.array(fc.tuple(line, eol), { maxLength: 30 }).map((lines) => lines.map(([l, e]) => l + e).join(''));
})();

const anyMarkdown = fc.oneof(
	listyMarkdown,
	listyMarkdown,
	edgyMarkdown,
	markdownSoup,
	generatedNote.map((n) => n.text),
);

/** The blocks the former rule found: fences indented up to three spaces only, read line by line with fenceAfter. */
function marginBlocks(text: string): [number, number][] {
	const blocks: [number, number][] = [];
	let open: Fence | null = null;
	let start = 0;
	for (const line of splitLines(text)) {
		const next = fenceAfter(line.text, open);
		if (open === null && next !== null) start = line.start;
		if (open !== null && next === null) blocks.push([start, line.end]);
		open = next;
	}
	if (open !== null) blocks.push([start, text.length]);
	return blocks;
}

describe('findFencedBlocks', () => {
	it('finds the blocks the rule, written plainly, finds: from the start or from the body', () => {
		fc.assert(
			fc.property(anyMarkdown, (text) => {
				expect(findFencedBlocks(text)).toEqual(fencedBlocksByRule(text));
				const body = bodyStart(text);
				expect(findFencedBlocks(text, body)).toEqual(fencedBlocksByRule(text, body));
			}),
			{ numRuns: 3000 },
		);
	});

	it('finds what the margin-only rule found when no fence is quoted or indented four columns or more', () => {
		const onlyMarginFences = (text: string): boolean => !/^[ \t]*>|^(?: {0,3}\t|\t| {4})[ \t]*[`~]/m.test(text.replace(/\r(?!\n)/g, 'x'));
		fc.assert(
			fc.property(anyMarkdown.filter(onlyMarginFences), (text) => {
				expect(findFencedBlocks(text)).toEqual(marginBlocks(text));
			}),
			{ numRuns: 2000 },
		);
	});

	it('is linear: 5 000 list items each holding an indented fence', () => {
		const item = '14. Step\n\n    ```bash\n    if [[ ! -b "$D" ]]; then\n\n    fi\n    ```\n';
		const text = item.repeat(5000);
		const started = Date.now();
		expect(findFencedBlocks(text)).toHaveLength(5000);
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe('findCodeBlocks', () => {
	it('finds the blocks the rule, written plainly, finds, indented code and all', () => {
		fc.assert(
			fc.property(anyMarkdown, (text) => {
				expect(findCodeBlocks(text)).toEqual(codeBlocksByRule(text));
				const body = bodyStart(text);
				expect(findCodeBlocks(text, body)).toEqual(codeBlocksByRule(text, body));
			}),
			{ numRuns: 3000 },
		);
	});

	it('finds every fenced block findFencedBlocks finds, and only indented code besides', () => {
		fc.assert(
			fc.property(anyMarkdown, (text) => {
				const blocks = findCodeBlocks(text);
				const fenced = findFencedBlocks(text);
				expect(fenced.filter(([s, e]) => !blocks.some(([bs, be]) => bs === s && be === e))).toEqual([]);
				for (const [s, e] of blocks.filter(([bs, be]) => !fenced.some(([fs, fe]) => fs === bs && fe === be))) {
					// An indented block starts at a line start, with 4 columns of indent past any quote markers.
					expect(s === 0 || text[s - 1] === '\n').toBe(true);
					expect(/^(?: {0,3}> ?)*(?: {4}| {0,3}\t)/.test(text.slice(s, e))).toBe(true);
				}
			}),
			{ numRuns: 2000 },
		);
	});
});

describe('findCodeRanges', () => {
	const inline = fc.constantFrom(
		'%%',
		'%% [[hidden]] %%',
		'<https://x.y/[[z]]>',
		'<b>',
		'[s](<https://x.y>)',
		'`',
		'``',
		'`x`',
		'<!-- [[c]] -->',
		'$',
		'$$',
		'$[[e]]$',
		'$x $',
		'$ x$',
		'$5',
		'$10$',
		'a$1',
		'\\$',
		'\\\\',
		'$$\n[[a]]\n$$',
		'$\\$$',
		'\n\n',
		'\n \r\n',
	);
	const withInline = fc
		.tuple(anyMarkdown, fc.array(fc.tuple(fc.nat(), inline), { maxLength: 6 }))
		.map(([text, inserts]) => inserts.reduce((t, [at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)), text));

	it('finds the inline ranges the rule, written plainly, finds: code spans, comments, autolinks and math', () => {
		fc.assert(
			fc.property(withInline, (text) => {
				const blocks = findCodeBlocks(text);
				expect(findInlineRanges(text, blocks).ranges).toEqual(inlineRangesByRule(text, blocks));
			}),
			{ numRuns: 3000 },
		);
	});

	it('ranges are sorted and disjoint, and hold every fenced and indented block', () => {
		fc.assert(
			fc.property(withInline, (text) => {
				const ranges = findCodeRanges(text);
				ranges.forEach(([s, e], k) => {
					expect(s).toBeLessThan(e);
					if (k > 0) expect(ranges[k - 1][1]).toBeLessThanOrEqual(s);
				});
				if (!text.includes('%%')) {
					for (const [s, e] of findCodeBlocks(text)) expect(ranges.some(([rs, re]) => rs <= s && e <= re)).toBe(true);
				}
			}),
			{ numRuns: 2000 },
		);
	});

	it('is linear: 5 000 comments, autolinks, tags and fences', () => {
		const part = 'Text %% note [[x]] %% and <https://a.b/c> <b>bold</b> `code`\n\n```\n%%\n```\n\n    indented\n\n';
		const text = part.repeat(5000);
		const started = Date.now();
		expect(findCodeRanges(text)).toHaveLength(5 * 5000);
		expect(Date.now() - started).toBeLessThan(2000);
	});
});
