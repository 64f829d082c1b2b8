jest.mock('yaml', () => jest.requireActual<typeof import('../helpers/yaml-engines')>('../helpers/yaml-engines').switchableYaml);
import fc from 'fast-check';
import { touchUpdated } from '../../src/core/edits/spec-fields';
import { readFrontmatter, setProperty } from '../../src/core/metadata/frontmatter';
import { readSpecMetadata } from '../../src/core/metadata/spec-metadata';
import { withYamlEngine, type YamlEngine } from '../helpers/yaml-engines';

/**
 * The plugin reads YAML with Obsidian's parseYaml (js-yaml 4), the CLI with the `yaml` package's
 * core schema. A note must read, and be written back, the same through both.
 */
const NOTE = '---\nid: 1014\nstatus: implementing\nupdated: 2025-08-29 10:00:00\ntags: [a, b]\nowner: {name: sam}\n---\n# Task\n';

function both<T>(fn: () => T): Record<YamlEngine, T> {
	return { cli: withYamlEngine('cli', fn), plugin: withYamlEngine('plugin', fn) };
}

describe('YAML the plugin ships against the CLI’s', () => {
	it('reads a timestamp with seconds as the text written, in both', () => {
		const read = both(() => readFrontmatter(NOTE, 'a.md').data.updated);
		expect(read).toEqual({ cli: '2025-08-29 10:00:00', plugin: '2025-08-29 10:00:00' });
	});

	it('writes updated: in the form the note uses, the same bytes in both', () => {
		const expected = NOTE.replace('2025-08-29 10:00:00', '2025-08-30 09:05');
		const written = both(() => touchUpdated(NOTE, 'a.md', '2025-08-30 09:05'));
		expect(written).toEqual({ cli: expected, plugin: expected });
	});

	it('reads what js-yaml types and the core schema does not as the core schema does', () => {
		const text = [
			'---',
			'when: 2025-08-28T09:15:00.50 +02:00',
			'day: 2025-02-30',
			'old: 0025-01-01',
			'bits: 0b101',
			'neg: -0x1F',
			'oct: -0o17',
			'half: +.5',
			'quoted: ["+.5", "2025-08-28 09:15:00", \'0b1\']',
			'base: &b {status: planning}',
			'child:',
			'  <<: *b',
			'2025-08-28 09:15:00: key',
			'+.5: float key',
			'note: on 2025-08-28 09:15:00, 0b1 and -0x1F << all text',
			'---',
			'',
		].join('\n');
		const read = both(() => readFrontmatter(text, 'a.md'));
		expect(read.plugin).toEqual(read.cli);
		expect(read.plugin.data).toEqual({
			when: '2025-08-28T09:15:00.50 +02:00',
			day: '2025-02-30',
			old: '0025-01-01',
			bits: '0b101',
			neg: '-0x1F',
			oct: '-0o17',
			half: 0.5,
			quoted: ['+.5', '2025-08-28 09:15:00', '0b1'],
			base: { status: 'planning' },
			child: { '<<': { status: 'planning' } },
			'2025-08-28 09:15:00': 'key',
			'0.5': 'float key',
			note: 'on 2025-08-28 09:15:00, 0b1 and -0x1F << all text',
		});
	});

	it('names the same line for an unclosed list on the last property line', () => {
		const text = '---\nid: 1\ntags: [a, b\n---\nbody\n';
		const read = both(() => readFrontmatter(text, 'a.md').error?.line);
		expect(read).toEqual({ cli: 3, plugin: 3 });
	});
});

describe('generated frontmatter with dates and times (fast-check)', () => {
	const two = (n: number) => String(n).padStart(2, '0');
	const dateArb = fc.record({ y: fc.integer({ min: 1990, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) });
	const timeArb = fc.record({
		h: fc.integer({ min: 0, max: 23 }),
		min: fc.integer({ min: 0, max: 59 }),
		s: fc.option(fc.integer({ min: 0, max: 59 })),
		fraction: fc.constantFrom('', '.5', '.123', '.'),
		sep: fc.constantFrom(' ', 'T', 't', '  '),
		zone: fc.constantFrom('', 'Z', '+02:00', ' -05:00', ' +2', '-01'),
	});
	const stampArb = fc.tuple(dateArb, fc.option(timeArb), fc.boolean()).map(([d, t, shortParts]) => {
		const date = `${d.y}-${shortParts ? d.m : two(d.m)}-${shortParts ? d.d : two(d.d)}`;
		if (t === null) return date;
		const seconds = t.s === null ? '' : `:${two(t.s)}${t.fraction}`;
		return `${date}${t.sep}${shortParts ? t.h : two(t.h)}:${two(t.min)}${seconds}${t.zone}`;
	});
	const quote = (text: string, how: 'plain' | 'single' | 'double') => (how === 'plain' ? text : how === 'single' ? `'${text}'` : `"${text}"`);
	const scalarArb = fc.oneof(
		fc.tuple(stampArb, fc.constantFrom<'plain' | 'single' | 'double'>('plain', 'plain', 'single', 'double')).map(([s, q]) => quote(s, q)),
		fc.constantFrom('implementing', '1014', '0b11', '-0x1F', '+.5', '-.25e2', '0x1F', '"[[../epic|Epic]]"', 'text with 2025-08-28 09:15:00 inside'),
	);
	const keys = ['id', 'status', 'parent', 'created', 'updated', 'started', 'due', 'tags', 'children', 'owner'];
	const entryArb = fc.record({
		key: fc.constantFrom(...keys),
		shape: fc.constantFrom('scalar', 'scalar', 'flow', 'block', 'mapping'),
		values: fc.array(scalarArb, { minLength: 1, maxLength: 3 }),
		comment: fc.boolean(),
	});
	const noteArb = fc.record({
		entries: fc.uniqueArray(entryArb, { selector: (e) => e.key, minLength: 1, maxLength: 7 }),
		eol: fc.constantFrom('\n', '\r\n'),
	});

	function note(doc: { entries: { key: string; shape: string; values: string[]; comment: boolean }[]; eol: string }): string {
		const lines = ['---'];
		for (const e of doc.entries) {
			const c = e.comment ? ' # note' : '';
			if (e.shape === 'scalar') lines.push(`${e.key}: ${e.values[0]}${c}`);
			else if (e.shape === 'flow') lines.push(`${e.key}: [${e.values.join(', ')}]${c}`);
			else if (e.shape === 'block') lines.push(`${e.key}:${c}`, ...e.values.map((v) => `  - ${v}`));
			else lines.push(`${e.key}:${c}`, ...e.values.map((v, i) => `  k${i}: ${v}`));
		}
		lines.push('---', '# Note', '');
		return lines.join(doc.eol);
	}

	it('reads every property the same, and writes the same bytes, through both parsers', () => {
		fc.assert(
			fc.property(noteArb, fc.constantFrom('2025-08-30 09:05', '2026-01-02 23:59'), (doc, stamp) => {
				const text = note(doc);
				const read = both(() => readFrontmatter(text, 'specs/1/spec.md'));
				expect(read.plugin.error).toBeNull();
				expect(read.plugin.data).toEqual(read.cli.data);
				const meta = both(() => readSpecMetadata(text, 'specs/1/spec.md'));
				expect(meta.plugin).toEqual(meta.cli);
				const touched = both(() => touchUpdated(text, 'specs/1/spec.md', stamp));
				expect(touched.plugin).toBe(touched.cli);
				const set = both(() => setProperty(text, 'status', 'completed'));
				expect(set.plugin).toBe(set.cli);
			}),
			{ numRuns: 300 },
		);
	});
});
