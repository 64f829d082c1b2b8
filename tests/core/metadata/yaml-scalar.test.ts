jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import { emitFlowList, emitKey, emitScalar, isPlainSafe } from '../../../src/core/metadata/yaml-scalar';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';

// The CLI reads YAML with the `yaml` package, main.js with Obsidian's parseYaml: both must pass.
describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);

	describe('isPlainSafe', () => {
		it('allows ordinary text, dates and link-free titles unquoted', () => {
			for (const s of ['planning', 'Cold Storage NAS', '2025-08-26', '2025-08-26 14:30', 'E01-F01-T04', 'a#b', 'a:b', 'café ☕']) expect(isPlainSafe(s)).toBe(true);
		});

		it('refuses what YAML would read as something else, or not at all', () => {
			for (const s of [
				'',
				' a',
				'a ',
				'yes',
				'No',
				'ON',
				'null',
				'~',
				'true',
				'1014',
				'-1',
				'1.0',
				'1e3',
				'0x1F',
				'.inf',
				'14:30',
				'[[x]]',
				'{a}',
				'- a',
				'? a',
				'#t',
				'&a',
				'*a',
				'!a',
				'|',
				'>',
				'%a',
				'@a',
				'`a',
				"'a",
				'"a',
				'a: b',
				'a #b',
				'a:',
				'two\nlines',
				'tab\tin',
			]) {
				expect(isPlainSafe(s)).toBe(false);
			}
		});

		it('is stricter inside a flow list', () => {
			expect(isPlainSafe('a, b')).toBe(true);
			expect(isPlainSafe('a, b', true)).toBe(false);
			expect(isPlainSafe('a]', true)).toBe(false);
			expect(isPlainSafe('plain', true)).toBe(true);
		});
	});

	describe('emitScalar', () => {
		it('writes each kind of value', () => {
			expect(emitScalar('[[../epic|Parent]]')).toBe('"[[../epic|Parent]]"');
			expect(emitScalar("it's", 'single')).toBe("'it''s'");
			expect(emitScalar('a\nb', 'single')).toBe('"a\\nb"');
			expect(emitScalar('plain', 'double')).toBe('"plain"');
			expect(emitScalar(12.5)).toBe('12.5');
			expect(emitScalar(Number.POSITIVE_INFINITY)).toBe('.inf');
			expect(emitScalar(true)).toBe('true');
			expect(emitScalar(null)).toBe('');
		});

		it('writes flow lists and keys', () => {
			expect(emitFlowList(['a', 'b c', 'd, e', 'yes'])).toBe('[a, b c, "d, e", "yes"]');
			expect(emitKey('context_file')).toBe('context_file');
			expect(emitKey('a: b')).toBe('"a: b"');
			expect(emitKey('y')).toBe('"y"');
		});
	});
});
