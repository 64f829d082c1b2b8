import { fenceAfter, findCodeRanges, findFencedBlocks } from '../../../src/core/markdown/code-ranges';

/** The text of each fenced block found. */
function blocks(text: string): string[] {
	return findFencedBlocks(text).map(([s, e]) => text.slice(s, e));
}

/** A numbered list as agents write it: item 14 holds a bash fence indented as list continuation, with a blank line inside. */
function deployList(indent: string): string {
	const i = indent;
	return [
		'13. Format the disk.',
		'14. Check the device before mounting:',
		'',
		`${i}\`\`\`bash`,
		`${i}DEVICE=/dev/sdb1`,
		'',
		`${i}if [[ ! -b "$DEVICE" ]]; then`,
		`${i}    echo "missing $DEVICE" >&2`,
		`${i}fi`,
		`${i}\`\`\``,
		'',
		'15. Mount it.',
		'',
	].join('\n');
}

function fenceOf(text: string, indent: string): string {
	const start = text.indexOf(`${indent}\`\`\`bash`);
	const end = text.indexOf(`${indent}\`\`\`\n`, start + 1) + indent.length + 4;
	return text.slice(start, end);
}

describe('findFencedBlocks: fences inside list items', () => {
	test.each([
		['three spaces (under the item text)', '   '],
		['four spaces (the item content column)', '    '],
		['five spaces', '     '],
		['eight spaces', '        '],
		['a tab', '\t'],
	])('a fence indented %s under item 14, blank line inside, is one block up to its closing fence', (_name, indent) => {
		const text = deployList(indent);
		expect(blocks(text)).toEqual([fenceOf(text, indent)]);
	});

	test('a fence under an item of a nested list, and under its outer item after the nested list', () => {
		const text = ['14. Outer', '    - inner', '', '      ```sh', '      [[ -d x ]]', '', '      ```', '', '    ```sh', '    [[ -e y ]]', '    ```', ''].join('\n');
		expect(blocks(text)).toEqual(['      ```sh\n      [[ -d x ]]\n\n      ```\n', '    ```sh\n    [[ -e y ]]\n    ```\n']);
	});

	test('a fence after lazy paragraph lines of the item is still inside the item', () => {
		const text = '- Item text\ncontinued without indent\n    ```\n    code\n    ```\n';
		expect(blocks(text)).toEqual(['    ```\n    code\n    ```\n']);
	});

	test('a line indented less than the item content ends the item and its fence', () => {
		const text = '14. Step\n    ```bash\n    echo\nBack at the margin [[real]]\n\n    ```\n';
		expect(blocks(text)).toEqual(['    ```bash\n    echo\n']);
	});

	test('a closing fence shorter than the opening one, or of the other character, does not close', () => {
		const text = '1. Item\n\n    ````md\n    ```\n    ~~~~\n    ````\n';
		expect(blocks(text)).toEqual([text.slice(text.indexOf('    ````md'))]);
	});

	test('an unclosed fence in a list item runs to the end of the item, or the text', () => {
		expect(blocks('- a\n\n    ```\n    x\n\n    y')).toEqual(['    ```\n    x\n\n    y']);
	});
});

describe('findFencedBlocks: a ``` indented four or more outside any list opens nothing', () => {
	test.each([
		['at the top of the note', '    ```\n    [[x]]\n    ```\n'],
		['after a paragraph', 'Text\n    ```\n    x\n    ```\n'],
		['after a list that a paragraph at the margin ended', '14. Step\n\nParagraph.\n\n    ```\n    x\n    ```\n'],
		['after a list that a heading ended', '- a\n# Heading\n    ```\n    x\n    ```\n'],
		['under a list marker indented four (an indented code line, not an item)', 'Text\n\n    - not an item\n      ```\n      x\n      ```\n'],
	])('%s', (_name, text) => {
		expect(blocks(text)).toEqual([]);
	});
});

describe('findFencedBlocks: fences inside blockquotes', () => {
	test('a fence in a quote, with a quoted blank line inside, closes at its quoted closing fence', () => {
		const text = 'Intro\n\n> ~~~bash\n> if [[ -d "$X" ]]; then\n>\n> fi\n> ~~~\n\nAfter\n';
		expect(blocks(text)).toEqual(['> ~~~bash\n> if [[ -d "$X" ]]; then\n>\n> fi\n> ~~~\n']);
	});

	test('a line outside the quote ends the quote and its fence', () => {
		const text = '> ~~~\n> code\n\nAfter\n';
		expect(blocks(text)).toEqual(['> ~~~\n> code\n']);
	});

	test('a fence in a list item inside a quote', () => {
		const text = '> 14. Step\n>\n>     ~~~sh\n>     [[ -b "$D" ]]\n>     ~~~\n> 15. Next\n';
		expect(blocks(text)).toEqual(['>     ~~~sh\n>     [[ -b "$D" ]]\n>     ~~~\n']);
	});

	test('a quoted line inside an unquoted fence is code, not a fence', () => {
		const text = '```\n> ```\nstill code\n```\n';
		expect(blocks(text)).toEqual([text]);
	});
});

describe('findFencedBlocks: fences at the margin are as before', () => {
	test('a fence indented up to three spaces inside a list closes at a fence up to three spaces, even at the margin', () => {
		const text = '- item\n  ```\n  code\n```\nafter\n';
		expect(blocks(text)).toEqual(['  ```\n  code\n```\n']);
	});

	test('fenceAfter, line by line, still reads only fences indented up to three spaces', () => {
		expect(fenceAfter('   ```js', null)).toEqual({ char: '`', length: 3 });
		expect(fenceAfter('    ```js', null)).toBeNull();
		expect(fenceAfter('\t```', null)).toBeNull();
		expect(fenceAfter('```', { char: '`', length: 3 })).toBeNull();
		expect(fenceAfter('```a`b', null)).toBeNull();
	});
});

describe('findCodeRanges', () => {
	test('the list fence is one range, so the backticks around it pair with nothing', () => {
		const text = deployList('    ') + 'Use `mount -a` then.\n';
		const ranges = findCodeRanges(text).map(([s, e]) => text.slice(s, e));
		expect(ranges).toEqual([fenceOf(text, '    '), '`mount -a`']);
	});
});

/** The text of each range findCodeRanges finds. */
function codeTexts(text: string): string[] {
	return findCodeRanges(text).map(([s, e]) => text.slice(s, e));
}

describe('findCodeRanges: %% comments', () => {
	test('an inline comment and a block comment over several lines, blank lines and all', () => {
		const text = 'Keep %%hidden [[a]]%% this.\n\n%%\nOld plan:\n\n- [[old]]\n%%\n\nAfter `x`\n';
		expect(codeTexts(text)).toEqual(['%%hidden [[a]]%%', '%%\nOld plan:\n\n- [[old]]\n%%', '`x`']);
	});

	test('a fence opened inside a comment is comment: it hides nothing after the comment', () => {
		const text = '%%\n```bash\necho\n%%\n[[real]]\n';
		expect(codeTexts(text)).toEqual(['%%\n```bash\necho\n%%']);
	});

	test('%% inside a fence or a code span opens nothing; an unclosed %% is text', () => {
		const text = '```\n100%%\n```\nUse `%%` here, 50%% done\n';
		expect(codeTexts(text)).toEqual(['```\n100%%\n```\n', '`%%`']);
	});

	test('a backtick inside a comment pairs with nothing outside it', () => {
		const text = '%% a ` b %% and `code`\n';
		expect(codeTexts(text)).toEqual(['%% a ` b %%', '`code`']);
	});
});

describe('findCodeRanges: autolinks', () => {
	test('an autolink is one range; a link destination in angle brackets is not an autolink', () => {
		const text = 'See <https://x.y/[[z]]> or [s](<https://x.y/a>) and <not a link> <mailto:a@b.c>\n';
		expect(codeTexts(text)).toEqual(['<https://x.y/[[z]]>', '<mailto:a@b.c>']);
	});
});

describe('findCodeRanges: indented code', () => {
	test("four columns past a list item's text after a blank line; its continuation text is not code", () => {
		const text = '1. Step\n\n       code [[nope]]\n\n       more\n   continued\n\n   text of the item\n';
		expect(codeTexts(text)).toEqual(['       code [[nope]]\n\n       more\n']);
	});

	test('four columns at the margin after a blank line or at the start, not after paragraph text', () => {
		const text = '    first\nPara\n    lazy\n\n\tcode\n    code too\nend\n';
		expect(codeTexts(text)).toEqual(['    first\n', '\tcode\n    code too\n']);
	});

	test('items nested four columns deep and fences inside items are not indented code', () => {
		const text = '- a\n\n    - b\n\n\t- c\n\n14. Step\n\n    ```bash\n    x\n    ```\n';
		expect(codeTexts(text)).toEqual(['    ```bash\n    x\n    ```\n']);
	});

	test('in a quote, after a quoted blank line', () => {
		const text = '> Quote\n>\n>     code\n> text\n';
		expect(codeTexts(text)).toEqual(['>     code\n']);
	});
});

describe('findCodeRanges: math', () => {
	test('inline math and a display block over lines are ranges, in a quote too', () => {
		const text = 'The meaning $[[e]]$ of $i \\in [[0, n]]$.\n\n$$\n[[e_1]] + [[e_2]]\n$$\n\n> $$x = [[y]]$$ and $a\\$b$\n';
		expect(codeTexts(text)).toEqual(['$[[e]]$', '$i \\in [[0, n]]$', '$$\n[[e_1]] + [[e_2]]\n$$', '$$x = [[y]]$$', '$a\\$b$']);
	});

	test('prices, escaped dollars, a space inside the dollars, a digit after, or a blank line between make no math', () => {
		for (const text of ['costs $5 and $10', 'US$5 to US$10', '\\$x$', '$ x$', '$x $', '$x$1', '$a\n\nb$', '$$ a\n \nb $$', '$$ unclosed']) {
			expect(codeTexts(text)).toEqual([]);
		}
	});

	test('a $ inside a code span opens nothing, and inline math holds no backtick: the code span is code', () => {
		const text = 'Use `$HOME` and `$PATH`, $f(`x`)$ then `code` and $g(y)$\n';
		expect(codeTexts(text)).toEqual(['`$HOME`', '`$PATH`', '`x`', '`code`', '$g(y)$']);
	});

	test('math does not run into a fence, and a $ in a fence opens nothing', () => {
		const text = 'Price $x\n```\ny$ [[z]]\n```\n$[[w]]$\n';
		expect(codeTexts(text)).toEqual(['```\ny$ [[z]]\n```\n', '$[[w]]$']);
	});
});
