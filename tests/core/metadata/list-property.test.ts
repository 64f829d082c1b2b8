jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import { addToListProperty } from '../../../src/core/metadata/list-property';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';

// The CLI reads YAML with the `yaml` package, main.js with Obsidian's parseYaml: both must pass.
describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);

	describe('addToListProperty', () => {
		it("extends a one-line [...] list in its items' quoting, keeping a comment after it", () => {
			expect(addToListProperty('---\nchildren: ["1011", "1012"] # by hand\ntype: feature\n---\n', 'children', '1015')).toBe(
				'---\nchildren: ["1011", "1012", "1015"] # by hand\ntype: feature\n---\n',
			);
			expect(addToListProperty("---\nx: ['a']\n---\n", 'x', 'b')).toBe("---\nx: ['a', 'b']\n---\n");
			expect(addToListProperty('---\nx: [a, b]\n---\n', 'x', 'docs/c d.md')).toBe('---\nx: [a, b, docs/c d.md]\n---\n');
			expect(addToListProperty('---\nx: [a,]\n---\n', 'x', 'b')).toBe('---\nx: [a, b]\n---\n');
		});

		it('quotes an item a plain list could not hold as text', () => {
			expect(addToListProperty('---\nx: []\n---\n', 'x', '1001')).toBe('---\nx: ["1001"]\n---\n');
			expect(addToListProperty('---\nx: [a]\n---\n', 'x', 'b, c')).toBe('---\nx: [a, "b, c"]\n---\n');
		});

		it('adds a "- item" line after a block list\'s last line, at its indent', () => {
			expect(addToListProperty('---\nx:\n  - a # first\n  # more below\n  - "b"\nid: "1"\n---\n', 'x', 'c')).toBe(
				'---\nx:\n  - a # first\n  # more below\n  - "b"\n  - c\nid: "1"\n---\n',
			);
			expect(addToListProperty('---\r\nx:\r\n- "a"\r\n---\r\n', 'x', 'b')).toBe('---\r\nx:\r\n- "a"\r\n- "b"\r\n---\r\n');
		});

		it('finds the key in another case', () => {
			expect(addToListProperty('---\nDeliverables: [a]\n---\n', 'deliverables', 'b')).toBe('---\nDeliverables: [a, b]\n---\n');
		});

		it('leaves a list it cannot extend in place alone (null), and adds a missing one only when asked', () => {
			expect(addToListProperty('---\nx: [\n  a,\n  b]\n---\n', 'x', 'c')).toBeNull();
			expect(addToListProperty('---\nx: a\n---\n', 'x', 'c')).toBeNull();
			expect(addToListProperty('---\nx:\n---\n', 'x', 'c')).toBeNull();
			expect(addToListProperty('---\nx: {a: 1}\n---\n', 'x', 'c')).toBeNull();
			expect(addToListProperty('---\nid: "1"\n---\n', 'x', 'c')).toBeNull();
			expect(addToListProperty('# no frontmatter\n', 'x', 'c')).toBeNull();
			// Frontmatter that does not parse is not edited by lines.
			expect(addToListProperty('---\nx: [a]\ny: "open\n---\n', 'x', 'c')).toBeNull();
			expect(addToListProperty('---\nid: "1"\n---\n', 'x', '1001', { createMissing: true })).toBe('---\nid: "1"\nx:\n  - "1001"\n---\n');
		});
	});
});
