/**
 * The core reads YAML through one import, `yaml` (src/core/metadata/yaml-engine.ts). The CLI ships
 * the `yaml` package there; main.js ships src/plugin/obsidian-yaml.ts, over Obsidian's parseYaml
 * (js-yaml 4 in the fake, as in Obsidian). A test file runs its tests under both with:
 *
 *     jest.mock('yaml', () => jest.requireActual('../../helpers/yaml-engines').switchableYaml);
 *     describe.each(YAML_ENGINES)('%s', (_name, engine) => { useYamlEngine(engine); … });
 *
 * Only `parse` switches; the rest of the module is the `yaml` package's.
 */
import type * as YamlPackage from 'yaml';

export type YamlEngine = 'cli' | 'plugin';

/** [title, engine] rows for describe.each. */
export const YAML_ENGINES: [string, YamlEngine][] = [
	['with the yaml package (the CLI)', 'cli'],
	["with Obsidian's parseYaml (the plugin)", 'plugin'],
];

const yamlPackage = jest.requireActual<typeof YamlPackage>('yaml');
let current: YamlEngine = 'cli';

/** The plugin's parse, required when first used: requiring it while jest builds the `yaml` mock would loop. */
function pluginParse(source: string): unknown {
	const shim = jest.requireActual<typeof import('../../src/plugin/obsidian-yaml')>('../../src/plugin/obsidian-yaml');
	return shim.parse(source);
}

export const switchableYaml = {
	...yamlPackage,
	parse: (source: string, ...rest: unknown[]): unknown => (current === 'plugin' ? pluginParse(source) : (yamlPackage.parse as (...a: unknown[]) => unknown)(source, ...rest)),
};

/** Parses with `engine` for the tests of the enclosing describe (call it inside the describe). */
export function useYamlEngine(engine: YamlEngine): void {
	beforeAll(() => {
		current = engine;
	});
	afterAll(() => {
		current = 'cli';
	});
}

/** Runs `fn` with `engine` parsing, for code outside a describe's hooks. */
export function withYamlEngine<T>(engine: YamlEngine, fn: () => T): T {
	const before = current;
	current = engine;
	try {
		return fn();
	} finally {
		current = before;
	}
}
