jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import fc from 'fast-check';
import { readFrontmatter, removeProperty, setProperties, setProperty, type PropertyValue } from '../../../src/core/metadata/frontmatter';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';

// The CLI reads YAML with the `yaml` package, main.js with Obsidian's parseYaml: both must pass.
describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);
	// Where the two parsers put a syntax error, and in what words: each is what that surface shows.
	const SAYS = {
		cli: {
			strayIndent: [3, 'Nested mappings are not allowed in compact mappings'],
			unclosed: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
			duplicate: 'Map keys must be unique',
			dashesLine: 3,
		},
		plugin: {
			strayIndent: [4, 'bad indentation of a mapping entry'],
			unclosed: 'missed comma between flow collection entries',
			duplicate: 'duplicated mapping key',
			dashesLine: 4,
		},
	}[engine];

	describe('readFrontmatter', () => {
		it('reads nothing, and no error, from a file without frontmatter or an empty file', () => {
			expect(readFrontmatter('# Context: Cold Storage\n\n**Status**: planning\n', 'a.md')).toEqual({ data: {}, bounds: null, error: null });
			expect(readFrontmatter('', 'a.md')).toEqual({ data: {}, bounds: null, error: null });
		});

		it('keeps dates and date-times as the strings the user wrote', () => {
			const { data, error } = readFrontmatter('---\ncreated: 2025-08-26\nupdated: 2025-08-26 14:30\nstamp: 2025-08-26T14:30:00Z\n---\n', 'a.md');
			expect(error).toBeNull();
			expect(data).toEqual({ created: '2025-08-26', updated: '2025-08-26 14:30', stamp: '2025-08-26T14:30:00Z' });
		});

		it('reads YAML 1.2 types: numbers and booleans typed, yes/no and 1:30 left as text', () => {
			const { data } = readFrontmatter('---\nid: 1014\ndone: true\nanswer: yes\nduration: 1:30\nempty:\n---\n', 'a.md');
			expect(data).toEqual({ id: 1014, done: true, answer: 'yes', duration: '1:30', empty: null });
		});

		it('returns unknown properties untouched, nested ones included', () => {
			const { data } = readFrontmatter('---\nid: E01-F01-T04\nowner: sam\nestimate: { points: 3 }\naliases:\n  - Cold storage\n---\n', 'a.md');
			expect(data).toEqual({ id: 'E01-F01-T04', owner: 'sam', estimate: { points: 3 }, aliases: ['Cold storage'] });
		});

		it('reports malformed YAML with the file and the line, and returns no data', () => {
			const text = '---\nid: 1000\ntitle: Foundation\n  status: planning\n---\n# Foundation\n';
			const result = readFrontmatter(text, 'specs/1000/epic.md');
			expect(result.data).toEqual({});
			expect(result.bounds).not.toBeNull();
			// The `yaml` package points at the mapping the stray indented line breaks, js-yaml at the line.
			const [line, reason] = SAYS.strayIndent;
			expect(result.error).toEqual({ path: 'specs/1000/epic.md', line, message: `specs/1000/epic.md line ${line}: ${reason}` });
		});

		it('counts lines the same way in CRLF files', () => {
			const yamlLines = ['id: 1', 'title: x', 'bad: [unclosed', 'more: 2'];
			const lf = readFrontmatter(['---', ...yamlLines, '---', ''].join('\n'), 'specs/x.md');
			const crlf = readFrontmatter(['---', ...yamlLines, '---', ''].join('\r\n'), 'specs/x.md');
			expect(lf.error).toEqual({ path: 'specs/x.md', line: 4, message: `specs/x.md line 4: ${SAYS.unclosed}` });
			expect(crlf.error).toEqual(lf.error);
		});

		it('reports an unclosed list on the last property line on that line, not on the closing ---', () => {
			for (const eol of ['\n', '\r\n']) {
				const read = readFrontmatter(['---', 'id: 1', 'tags: [a, b', '---', 'body', ''].join(eol), 'specs/x.md');
				expect(read.error?.line).toBe(3);
			}
		});

		it('reports an unclosed list, map or quote on the line it opens, where the parser blames a later line', () => {
			const lines = (yaml: string[]) => readFrontmatter(['---', ...yaml, '---', '# Context', ''].join('\n'), 'c.md').error?.line;
			expect(lines(['type: context', 'spec: [[spec', 'tags: {a'])).toBe(3);
			expect(lines(['type: context', 'aliases:', '  - x', '  - {y: 1', 'status: active'])).toBe(5);
			expect(lines(['title: "Caf\\" au lait', 'status: active', 'tags: [a]'])).toBe(2);
			// A bracket or quote inside a plain value, or in a comment, opens nothing.
			expect(lines(["title: it's a[1] # (", 'x: [a, b', 'y: 1'])).toBe(3);
		});

		it('reports a duplicated key as an error rather than guessing', () => {
			expect(readFrontmatter('---\nstatus: draft\nstatus: done\n---\n', 'a.md').error).toEqual({ path: 'a.md', line: 3, message: `a.md line 3: ${SAYS.duplicate}` });
		});

		it('reports a list or a single value instead of properties as an error value', () => {
			expect(readFrontmatter('---\n- a\n- b\n---\n', 'x.md')).toEqual({
				data: {},
				bounds: { yamlStart: 4, yamlEnd: 12, end: 16 },
				error: { path: 'x.md', line: 2, message: 'x.md line 2: the frontmatter is a list, not a set of properties' },
			});
			expect(readFrontmatter('---\n# note\nhello\n---\n', 'x.md').error).toEqual({
				path: 'x.md',
				line: 3,
				message: 'x.md line 3: the frontmatter is a single value ("hello"), not a set of properties',
			});
		});

		it('treats empty or comment-only frontmatter as no properties', () => {
			expect(readFrontmatter('---\n---\nbody', 'a.md')).toEqual({ data: {}, bounds: { yamlStart: 4, yamlEnd: 4, end: 8 }, error: null });
			expect(readFrontmatter('---\n# nothing yet\n\n---\n', 'a.md').data).toEqual({});
			expect(readFrontmatter('---\n# nothing yet\n\n---\n', 'a.md').error).toBeNull();
		});

		it("follows Obsidian's bounds: `---` on line 1 only, closed by a `---` line", () => {
			expect(readFrontmatter('\n---\nid: 1\n---\n', 'a.md').data).toEqual({});
			expect(readFrontmatter('---\nid: 1\nno closing line\n', 'a.md')).toEqual({ data: {}, bounds: null, error: null });
			expect(readFrontmatter('---\nid: 1\n---\nbody\n---\nnot: yaml\n', 'a.md').data).toEqual({ id: 1 });
			// `----` does not close the frontmatter in Obsidian, so this YAML is malformed.
			const dashes = readFrontmatter('---\nid: 1\n----\nb: 2\n---\n', 'a.md');
			expect(dashes.data).toEqual({});
			expect(dashes.error?.line).toBe(SAYS.dashesLine);
		});

		it('reads a 5 MB file', () => {
			const body = '## Notes\n' + 'Line of notes with [[links]] and `code`.\n'.repeat(130_000);
			expect(body.length).toBeGreaterThan(5_000_000);
			expect(readFrontmatter('---\nid: "1014"\nstatus: implementing\n---\n' + body, 'big.md').data).toEqual({ id: '1014', status: 'implementing' });
			// An opening `---` never closed: the whole file is scanned, and there are no properties.
			expect(readFrontmatter('---\n' + body, 'big.md')).toEqual({ data: {}, bounds: null, error: null });
		});
	});

	describe('setProperty', () => {
		const spec = [
			'---',
			'# Spec properties (kept by hand)',
			'id: 1014   # cold storage',
			"title: 'Cold Storage NAS'",
			'status: "planning"',
			'parent: "[[../epic|Foundation]]"',
			'owner: sam',
			'tags:',
			'  - storage',
			"  - 'nas'",
			'links: [a, b]',
			'notes: |',
			'  first',
			'  second',
			'---',
			'# Cold Storage',
			'',
		].join('\n');

		it('replaces a one-line value in place, keeping spacing and the trailing comment', () => {
			expect(setProperty(spec, 'id', 'E01-F01-T04')).toBe(spec.replace('id: 1014   # cold storage', 'id: E01-F01-T04   # cold storage'));
		});

		it("keeps the old value's quote style when the new value allows it", () => {
			expect(setProperty(spec, 'title', "Bob's NAS")).toBe(spec.replace("title: 'Cold Storage NAS'", "title: 'Bob''s NAS'"));
			expect(setProperty(spec, 'status', 'implementing')).toBe(spec.replace('status: "planning"', 'status: "implementing"'));
			expect(setProperty(spec, 'owner', 'alex')).toBe(spec.replace('owner: sam', 'owner: alex'));
		});

		it('quotes only what YAML would misread', () => {
			const cases: [string, string][] = [
				['[[../epic|Parent]]', '"[[../epic|Parent]]"'],
				['yes', '"yes"'],
				['null', '"null"'],
				['1014', '"1014"'],
				['1.0', '"1.0"'],
				['14:30', '"14:30"'],
				['a: b', '"a: b"'],
				['see #3', '"see #3"'],
				['#tag', '"#tag"'],
				['- item', '"- item"'],
				['', '""'],
				['2025-08-26', '2025-08-26'],
				['2025-08-26 14:30', '2025-08-26 14:30'],
				['Cold Storage (NAS)', 'Cold Storage (NAS)'],
				['line\nbreak "x"', '"line\\nbreak \\"x\\""'],
			];
			for (const [value, written] of cases) {
				expect(setProperty(spec, 'owner', value)).toBe(spec.replace('owner: sam', `owner: ${written}`));
				expect(readFrontmatter(setProperty(spec, 'owner', value), 'a.md').data.owner).toBe(value);
			}
		});

		it('writes numbers, booleans and null as YAML values', () => {
			expect(setProperty(spec, 'owner', 3)).toBe(spec.replace('owner: sam', 'owner: 3'));
			expect(setProperty(spec, 'owner', false)).toBe(spec.replace('owner: sam', 'owner: false'));
			expect(setProperty(spec, 'owner', null)).toBe(spec.replace('owner: sam', 'owner:'));
			expect(setProperty(spec, 'id', null)).toBe(spec.replace('id: 1014   # cold storage', 'id:   # cold storage'));
			// A number in quotes would become text, so the old double quotes give way.
			expect(setProperty(spec, 'status', 2)).toBe(spec.replace('status: "planning"', 'status: 2'));
		});

		it('replaces exactly the lines of a block list, keeping its indent and the quoting of unchanged items', () => {
			expect(setProperty(spec, 'tags', ['storage', 'nas', 'nfs tuning'])).toBe(spec.replace("tags:\n  - storage\n  - 'nas'\n", "tags:\n  - storage\n  - 'nas'\n  - nfs tuning\n"));
			expect(setProperty(spec, 'tags', ['[[x]]'])).toBe(spec.replace("tags:\n  - storage\n  - 'nas'\n", 'tags:\n  - "[[x]]"\n'));
			const flush = '---\ntags:\n- a\n- b\nnext: 1\n---\n';
			expect(setProperty(flush, 'tags', ['c'])).toBe('---\ntags:\n- c\nnext: 1\n---\n');
		});

		it('keeps a one-line flow list a flow list', () => {
			expect(setProperty(spec, 'links', ['x', 'y, z'])).toBe(spec.replace('links: [a, b]', 'links: [x, "y, z"]'));
			expect(setProperty(spec, 'tags', [])).toBe(spec.replace("tags:\n  - storage\n  - 'nas'\n", 'tags: []\n'));
		});

		it('turns a scalar into a block list, and a block value into a scalar, replacing only its lines', () => {
			expect(setProperty(spec, 'owner', ['sam', 'alex'])).toBe(spec.replace('owner: sam\n', 'owner:\n  - sam\n  - alex\n'));
			expect(setProperty(spec, 'notes', 'one line')).toBe(spec.replace('notes: |\n  first\n  second\n', 'notes: one line\n'));
			expect(setProperty(spec, 'tags', 'storage')).toBe(spec.replace("tags:\n  - storage\n  - 'nas'\n", 'tags: storage\n'));
		});

		it('appends a missing key as the last line of the frontmatter', () => {
			expect(setProperty(spec, 'context', '[[1014.context|Implementation Journal]]')).toBe(
				spec.replace('  second\n---\n', '  second\ncontext: "[[1014.context|Implementation Journal]]"\n---\n'),
			);
			expect(setProperty(spec, 'aliases', ['NAS'])).toBe(spec.replace('  second\n---\n', '  second\naliases:\n  - NAS\n---\n'));
			expect(setProperty('---\n---\nbody\n', 'id', '1014')).toBe('---\nid: "1014"\n---\nbody\n');
		});

		it('creates frontmatter at the top of a note without one', () => {
			expect(setProperty('# Title\n\nText\n', 'status', 'planning')).toBe('---\nstatus: planning\n---\n# Title\n\nText\n');
			expect(setProperty('', 'tags', ['a', 'b'])).toBe('---\ntags:\n  - a\n  - b\n---\n');
			expect(setProperty('# T\r\n\r\nText\r\n', 'status', 'planning')).toBe('---\r\nstatus: planning\r\n---\r\n# T\r\n\r\nText\r\n');
		});

		it('keeps CRLF line ends, and writes new lines with them', () => {
			const crlf = '---\r\nid: 1 # one\r\ntags:\r\n  - a\r\n---\r\nbody\r\n';
			expect(setProperty(crlf, 'id', 2)).toBe('---\r\nid: 2 # one\r\ntags:\r\n  - a\r\n---\r\nbody\r\n');
			expect(setProperty(crlf, 'tags', ['a', 'b'])).toBe('---\r\nid: 1 # one\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nbody\r\n');
			expect(setProperty(crlf, 'status', 'done')).toBe('---\r\nid: 1 # one\r\ntags:\r\n  - a\r\nstatus: done\r\n---\r\nbody\r\n');
		});

		it('fills an empty value, before its comment if it has one', () => {
			expect(setProperty('---\nparent:\nx: 1\n---\n', 'parent', 'E01')).toBe('---\nparent: E01\nx: 1\n---\n');
			expect(setProperty('---\nparent:   \nx: 1\n---\n', 'parent', 'E01')).toBe('---\nparent: E01\nx: 1\n---\n');
			expect(setProperty('---\nparent: # id or link\n---\n', 'parent', 'E01')).toBe('---\nparent: E01 # id or link\n---\n');
		});

		it('updates a key written in another case instead of adding a second one', () => {
			expect(setProperty('---\nStatus: Draft\n---\n', 'status', 'planning')).toBe('---\nStatus: planning\n---\n');
			expect(setProperty('---\n"my key": 1\n---\n', 'my key', 2)).toBe('---\n"my key": 2\n---\n');
		});

		it('leaves nested keys and keys inside block values alone', () => {
			const text = '---\nmeta:\n  status: x\nnotes: |\n  status: y\n---\n';
			expect(setProperty(text, 'status', 'planning')).toBe('---\nmeta:\n  status: x\nnotes: |\n  status: y\nstatus: planning\n---\n');
		});

		it('sets several properties in one go, appending new ones in order', () => {
			expect(setProperties('---\nid: 1\n---\n', { status: 'planning', id: '1014', updated: '2025-08-27 09:00' })).toBe(
				'---\nid: "1014"\nstatus: planning\nupdated: 2025-08-27 09:00\n---\n',
			);
		});
	});

	describe('removeProperty', () => {
		it('removes the key with all its lines and nothing else', () => {
			const text = '---\n# c\nid: 1\ntags:\n  - a\n\n  - b\nz: 2\n---\nbody\n';
			expect(removeProperty(text, 'tags')).toBe('---\n# c\nid: 1\nz: 2\n---\nbody\n');
			expect(removeProperty(text, 'id')).toBe('---\n# c\ntags:\n  - a\n\n  - b\nz: 2\n---\nbody\n');
			expect(removeProperty(text, 'missing')).toBe(text);
			expect(removeProperty('no frontmatter\n', 'id')).toBe('no frontmatter\n');
		});
	});

	describe('setProperty on generated frontmatter (fast-check)', () => {
		type Kind = 'plain' | 'single' | 'double' | 'flow' | 'block-list' | 'flush-list' | 'block-scalar' | 'empty' | 'mapping';
		const kinds: Kind[] = ['plain', 'single', 'double', 'flow', 'block-list', 'flush-list', 'block-scalar', 'empty', 'mapping'];
		const keys = ['id', 'type', 'title', 'status', 'parent', 'context', 'created', 'tags', 'Owner', 'my key', 'x-custom', 'aliases'];

		/** One entry's lines (each without its line end). */
		function entryLines(key: string, kind: Kind, comment: boolean): string[] {
			const note = comment ? ' # note' : '';
			switch (kind) {
				case 'plain':
					return [`${key}: 2025-08-26 14:30${note}`];
				case 'single':
					return [`${key}: 'it''s'${note}`];
				case 'double':
					return [`${key}: "[[../epic|Parent]]"${note}`];
				case 'flow':
					return [`${key}: [a, "b c"]${note}`];
				case 'block-list':
					return [`${key}:${note}`, '  - one', "  - 'two'"];
				case 'flush-list':
					return [`${key}:`, '- one', '- two'];
				case 'block-scalar':
					return [`${key}: >-${note}`, '  folded', '  text'];
				case 'empty':
					return [`${key}:${note}`];
				case 'mapping':
					return [`${key}:`, '  a: 1', '  b: [x]'];
			}
		}

		const documentArb = fc.record({
			entries: fc.uniqueArray(
				fc.record({ key: fc.constantFrom(...keys), kind: fc.constantFrom(...kinds), comment: fc.boolean(), gap: fc.constantFrom('', '# a comment', '', ' ') }),
				{ selector: (e) => e.key, maxLength: 8 },
			),
			eol: fc.constantFrom('\n', '\r\n'),
			body: fc.string({ maxLength: 40 }),
		});
		const special = fc.constantFrom(
			'yes',
			'No',
			'~',
			'[[x|y]]',
			'a: b',
			'#t',
			'- x',
			' lead',
			'trail ',
			"it's",
			'"q"',
			'line\nbreak',
			'tab\there',
			'1e3',
			'0x1F',
			'2025-08-26',
			'@me',
			'%',
			'{a}',
			'a, b',
			'|',
		);
		const valueArb: fc.Arbitrary<PropertyValue> = fc.oneof(
			fc.string({ maxLength: 20 }),
			fc.string({ unit: 'grapheme', maxLength: 10 }),
			special,
			fc.integer(),
			fc.boolean(),
			fc.constant(null),
			fc.array(fc.oneof(fc.string({ maxLength: 8 }), special), { maxLength: 4 }),
		);

		function build(doc: { entries: { key: string; kind: Kind; comment: boolean; gap: string }[]; eol: string; body: string }) {
			let text = '---' + doc.eol;
			const spans = new Map<string, [number, number]>();
			for (const e of doc.entries) {
				if (e.gap !== '') text += e.gap + doc.eol;
				const start = text.length;
				text += entryLines(e.key === 'my key' ? '"my key"' : e.key, e.kind, e.comment)
					.map((l) => l + doc.eol)
					.join('');
				spans.set(e.key, [start, text.length]);
			}
			const closing = text.length;
			text += '---' + doc.eol + doc.body;
			return { text, spans, closing };
		}

		it('changes only the target entry, and the new value reads back', () => {
			fc.assert(
				fc.property(documentArb, fc.constantFrom(...keys, 'new-key'), valueArb, (doc, key, value) => {
					const { text, spans, closing } = build(doc);
					const before = readFrontmatter(text, 'a.md');
					expect(before.error).toBeNull();
					const result = setProperty(text, key, value);
					const [start, end] = spans.get(key) ?? [closing, closing];
					expect(result.startsWith(text.slice(0, start))).toBe(true);
					expect(result.endsWith(text.slice(end))).toBe(true);
					const changed = result.slice(start, result.length - (text.length - end));
					// Written lines end the way the file's lines do.
					if (doc.eol === '\r\n') expect(/(^|[^\r])\n/.test(changed)).toBe(false);
					const after = readFrontmatter(result, 'a.md');
					expect(after.error).toBeNull();
					expect(after.data[key]).toEqual(value);
					for (const k of Object.keys(before.data)) if (k !== key) expect(after.data[k]).toEqual(before.data[k]);
					expect(setProperty(result, key, value)).toBe(result);
				}),
				{ numRuns: 400 },
			);
		});

		it('removeProperty removes exactly the entry', () => {
			fc.assert(
				fc.property(documentArb, fc.constantFrom(...keys), (doc, key) => {
					const { text, spans } = build(doc);
					const span = spans.get(key);
					expect(removeProperty(text, key)).toBe(span ? text.slice(0, span[0]) + text.slice(span[1]) : text);
				}),
			);
		});
	});

	describe('flow list items holding quotes', () => {
		it('are quoted, so a second write finds the same one-line list', () => {
			const once = setProperty('---\ncreated: [a, "b c"]\n---\n', 'created', ['("']);
			expect(once).toBe('---\ncreated: ["(\\""]\n---\n');
			expect(setProperty(once, 'created', ['("'])).toBe(once);
			expect(readFrontmatter(once, 'a.md').data).toEqual({ created: ['("'] });
		});
	});
});
