import fc from 'fast-check';
import { parse } from 'yaml';
import * as simpleYaml from '../../../src/core/metadata/simple-yaml';
import { parseSimpleYaml } from '../../../src/core/metadata/simple-yaml';
import { readFrontmatter } from '../../../src/core/metadata/frontmatter';

/** What the full parser gives, as the engine calls it. */
function full(source: string): { value: unknown } | { error: Error } {
	try {
		return { value: parse(source, { schema: 'core', uniqueKeys: true, logLevel: 'error' }) as unknown };
	} catch (e) {
		return { error: e as Error };
	}
}

/** readFrontmatter as it was before the fast path: every text through the full parser. */
function readWithoutFastPath(text: string, path: string): ReturnType<typeof readFrontmatter> {
	const spy = jest.spyOn(simpleYaml, 'parseSimpleYaml').mockReturnValue(null);
	try {
		return readFrontmatter(text, path);
	} finally {
		spy.mockRestore();
	}
}

// ---- The grammar of frontmatter the fast path is for ----

const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéü');
const inner = fc.constantFrom(...Array.from('abcxyzABC0123456789éü☕🚀.,()/\'"-_+=!?*&%@`|>[]{}~'));
const word = fc.tuple(letter, fc.array(inner, { maxLength: 7 })).map(([a, rest]) => a + rest.join(''));
const plainText = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const flowWord = fc.tuple(letter, fc.array(fc.constantFrom(...Array.from('abcXYZ019éü.-_/()!?*&%@')), { maxLength: 6 })).map(([a, rest]) => a + rest.join(''));
const flowText = fc.array(flowWord, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
const dateText = fc.date({ min: new Date('1970-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const numberText = fc.oneof(
	fc.integer().map(String),
	fc.integer({ min: 0, max: 1e6 }).map((n) => `+${n}`),
	fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
	fc.constantFrom('0', '-0', '0.5', '.5', '1.', '1e5', '1.5E-3', '-2.5e+10', '.inf', '-.inf', '+.Inf', '.INF', '.nan', '.NaN', '.NAN', '0x1F', '0xff', '0o17', '0o0'),
);
const keywordText = fc.constantFrom('true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '~', 'yes', 'No', 'on', 'OFF', 'nULL', 'tRUE');
const singleQuoted = fc.string({ unit: fc.constantFrom('a', ' ', "'", '#', ':', '[', ']', '"', '\\', 'é', '-', ','), maxLength: 10 }).map((s) => `'${s.replace(/'/g, "''")}'`);
const doubleQuoted = fc.string({ unit: fc.constantFrom('a', ' ', "'", '#', ':', '[', ']', 'é', '-', ',', '{'), maxLength: 10 }).map((s) => `"${s}"`);
const linkText = fc.constantFrom('"[[../epic|Parent]]"', "'[[1014.context]]'", '"[[spec|1000 - Foundation]]"');
const scalar = fc.oneof(plainText, dateText, numberText, keywordText, singleQuoted, doubleQuoted, linkText);
const flowItem = fc.oneof(flowText, numberText, keywordText, singleQuoted, doubleQuoted, dateText);
const spaces = fc.constantFrom('', ' ', '  ');
const flowList = fc
	.tuple(fc.array(fc.tuple(spaces, flowItem, spaces), { maxLength: 4 }), spaces)
	.map(([items, pad]) => (items.length === 0 ? `[${pad}]` : `[${items.map(([a, v, b]) => a + v + b).join(',')}]`));
const comment = fc.constantFrom('', '', ' # note', '   # a: b # c', ' #');
const key = fc.oneof(
	fc.constantFrom(
		'id',
		'type',
		'title',
		'status',
		'parent',
		'context',
		'created',
		'updated',
		'tags',
		'aliases',
		'Due date',
		'é',
		'_x',
		'a.b',
		'a-b',
		'cssclasses',
		'yes',
		'on',
		'Status',
	),
	fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/),
);
const between = fc.constantFrom('', '', '', '# a comment', '  # indented comment', '   ');

/** One `key: value` entry: scalar, flow list, empty, or a block list. */
const simpleEntry = (k: string): fc.Arbitrary<string[]> =>
	fc.oneof(
		fc.tuple(scalar, comment, spaces).map(([v, c, s]) => [`${k}: ${v}${s}${c}`]),
		fc.tuple(flowList, comment).map(([v, c]) => [`${k}: ${v}${c}`]),
		comment.map((c) => [`${k}:${c}`]),
		fc
			.tuple(comment, fc.constantFrom('', '  ', '    '), fc.array(fc.tuple(fc.oneof(scalar, fc.constant('')), comment, between), { minLength: 1, maxLength: 4 }))
			.map(([c, indent, items]) => [`${k}:${c}`, ...items.flatMap(([v, ic, b]) => [`${indent}-${v === '' ? '' : ' ' + v}${ic}`, ...(b === '' ? [] : [b])])]),
	);

const simpleDoc = fc
	.uniqueArray(key, { minLength: 0, maxLength: 8 })
	.chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(simpleEntry(k), between))))
	.map((entries) => entries.flatMap(([lines, b]) => (b === '' ? lines : [...lines, b])));

// ---- Tricky constructs, each of which the full parser must handle ----

const trickyValue = fc.constantFrom(
	'[[link]]',
	'[[a|b]]',
	'[a, [b]]',
	'{a: 1}',
	'{}',
	'&a x',
	'*a',
	'!t x',
	'!!str 1',
	'|',
	'>-',
	'- x',
	'-',
	'a: b',
	'a:',
	'C#',
	'a#b',
	'x # c',
	'"a\\nb"',
	'"a\\"b"',
	'"a" b',
	"'a' b",
	"'unclosed",
	'"unclosed',
	'[a, b,]',
	'[a, , b]',
	'[a',
	'[a]]',
	'[a: b]',
	'[a:b]',
	'[#a]',
	'[a #b]',
	'[-a]',
	'[- a]',
	"[it's]",
	'012',
	'00',
	'1_000',
	'0b101',
	'+0x1F',
	'-0x1F',
	'0x',
	'0o8',
	'1:30',
	'190:20:30',
	'2025-08-26T10:00:00Z',
	'2025-08-26 10:00:00',
	'2025-02-30',
	'2025-8-6',
	'2025-08-26 14:30',
	'-.5',
	'+.5',
	'+.nan',
	'.Inf',
	'1.2.3',
	'1e',
	'e5',
	'1e5.5',
	'@x',
	'`x`',
	'%x',
	'?x',
	':x',
	',x',
	'"x"#c',
	"'it''s'",
	"''",
	'""',
	'" "',
	"' a '",
	'...',
	'---',
	'-x',
	'--',
	'a\tb',
	'x\t',
	"'a'\t",
	'[a,\tb]',
	'[a]\t',
	'x\t# c',
	'a\u2028b',
	'a\u0085b',
	'\ufeffx',
	'\u00a0x',
	'x\u3000',
	'a \\ b',
	'a, b',
	'a [b] {c}',
	'a: b: c',
	'0050-01-01',
);
const trickyLine = fc.constantFrom(
	'  sub: 1',
	'   continuation',
	'---',
	'...',
	'- a',
	'%YAML 1.2',
	'\tkey: v',
	'key:\tv',
	'  # indented comment',
	'',
	'#c',
	'? complex',
	'a:b',
	' key: v',
	'key : v',
	'"quoted key": v',
	"'k': v",
	'true: 1',
	'Null: 1',
	'1: x',
	'__proto__: 1',
	'[a: 1',
	'a#b: 1',
	'\u00a0k: v',
	'k:  ',
	'  - stray',
	'- ',
	'-',
	'x'.repeat(1030) + ': 1',
	'k: v\u0085w',
	'k: v\ufeff',
	'k: \ud800',
	'  ',
	'k: v # c: d',
	'k: v\t',
	'\t',
	'k:\t',
	'tags:\n\t- a',
	'tags:\n  - a\t',
	'k: v\r',
);
const trickyDoc = fc
	.array(
		fc.oneof(
			{ weight: 4, arbitrary: key.chain(simpleEntry) },
			{ weight: 2, arbitrary: fc.tuple(key, trickyValue, comment).map(([k, v, c]) => [`${k}: ${v}${c}`]) },
			{ weight: 1, arbitrary: fc.tuple(key, fc.constantFrom('', '  ', '    ', '   '), trickyValue).map(([k, indent, v]) => [`${k}:`, `${indent}- ${v}`]) },
			{ weight: 1, arbitrary: fc.tuple(key, fc.constantFrom('  ', '    '), fc.constantFrom('  ', '', '   ', '      ')).map(([k, a, b]) => [`${k}:`, `${a}- x`, `${b}- y`]) },
			{ weight: 2, arbitrary: trickyLine.map((l) => [l]) },
		),
		{ maxLength: 8 },
	)
	.map((entries) => entries.flat());

/** The text as the engine receives it: from readFrontmatter a leading "\n" and no final one; other framings too. */
const asSource = (lines: string[], framing: number): string => {
	const body = lines.join('\n');
	return [body, '\n' + body, body + '\n', '\n' + body + '\n'][framing];
};
const framing = fc.integer({ min: 0, max: 3 });

describe('parseSimpleYaml', () => {
	it("reads the frontmatter real vaults have, exactly as the yaml package's core schema does", () => {
		fc.assert(
			fc.property(simpleDoc, framing, (lines, f) => {
				const source = asSource(lines, f);
				const expected = full(source);
				const fast = parseSimpleYaml(source);
				expect(fast).not.toBeNull();
				expect(expected).toHaveProperty('value');
				expect(fast?.value).toStrictEqual((expected as { value: unknown }).value);
			}),
			{ numRuns: 2000 },
		);
	});

	it('either agrees with the full parser or leaves the text to it, on tricky frontmatter too', () => {
		let accepted = 0;
		let declined = 0;
		fc.assert(
			fc.property(trickyDoc, framing, (lines, f) => {
				const source = asSource(lines, f);
				const expected = full(source);
				const fast = parseSimpleYaml(source);
				if (fast === null) {
					declined++;
					return;
				}
				accepted++;
				// Whatever the fast path accepts, the full parser reads without error, to the same value.
				expect(expected).toHaveProperty('value');
				expect(fast.value).toStrictEqual((expected as { value: unknown }).value);
			}),
			{ numRuns: 3000 },
		);
		// Both paths were exercised, so the agreement above means something.
		expect(accepted).toBeGreaterThan(300);
		expect(declined).toBeGreaterThan(300);
	});

	it('gives readFrontmatter the same data, errors, messages and lines as the full parser alone', () => {
		fc.assert(
			fc.property(fc.oneof(simpleDoc, trickyDoc), fc.boolean(), (lines, crlf) => {
				const eol = crlf ? '\r\n' : '\n';
				const text = ['---', ...lines, '---', '# Body', ''].join(eol);
				expect(readFrontmatter(text, 'specs/x.md')).toStrictEqual(readWithoutFastPath(text, 'specs/x.md'));
			}),
			{ numRuns: 1500 },
		);
	});

	it('reads a typical spec', () => {
		const source = [
			'id: "65022"',
			'type: task',
			'title: Worker config pipeline',
			'status: planning',
			'parent: "[[spec|65002 - Hot config]]"',
			'created: 2025-03-07',
			'estimate: 3',
			'done: false',
			'owner:',
			'tags:',
			'  - spec',
			'  - task',
			'aliases: [Worker, "Config: pipeline"]',
		].join('\n');
		expect(parseSimpleYaml(source)).toEqual({
			value: {
				id: '65022',
				type: 'task',
				title: 'Worker config pipeline',
				status: 'planning',
				parent: '[[spec|65002 - Hot config]]',
				created: '2025-03-07',
				estimate: 3,
				done: false,
				owner: null,
				tags: ['spec', 'task'],
				aliases: ['Worker', 'Config: pipeline'],
			},
		});
	});

	it('reads an empty or comment-only text as null, as the parser does', () => {
		expect(parseSimpleYaml('')).toEqual({ value: null });
		expect(parseSimpleYaml('\n# nothing yet\n\n')).toEqual({ value: null });
	});

	it('leaves to the full parser what it does not read exactly', () => {
		for (const source of [
			'parent: [[../epic]]', // a list in a list
			'status: draft\nstatus: done', // duplicate keys: the parser's error
			'notes: |\n  text', // block scalar
			'a: &x 1\nb: *x', // anchors
			'estimate:\n  points: 3', // nested map
			'title: Cold\n  Storage', // multi-line plain scalar
			'tags:\n  - a\n   - b', // odd indentation
			'a:\tb', // tab
			'lang: C#', // `#` without a space before it
			'a: b: c', // `: ` inside a plain value
			'path: "a\\b"', // an escape
			'id: 012', // a number some parsers read as octal
			'at: 2025-08-26T10:00:00Z', // a timestamp, typed by some parsers
			'- a\n- b', // a list, not properties
		]) {
			expect(parseSimpleYaml(source)).toBeNull();
		}
	});
});
