import { spawnSync } from 'child_process';
import { join } from 'path';

/**
 * The layers are the lint's to keep: a core file that imports Obsidian, Node's modules or a shell,
 * a Node-shell file that imports the plugin, or a plugin file that imports the Node shell, fails `npm run lint`. Each text is linted as if it
 * were the named file, so the rules of that folder apply. ESLint runs in its own Node process (its
 * configuration is an ES module, which jest's sandbox cannot load), all texts in one run.
 */
const ROOT = join(__dirname, '..', '..');
const RULE = '@typescript-eslint/no-restricted-imports';

const LINT_TEXTS = `
import { ESLint } from 'eslint';
const cases = JSON.parse(await new Promise((done) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => done(s)); }));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const c of cases) {
	const [result] = await eslint.lintText(c.text, { filePath: c.path });
	out.push(result.messages.filter((m) => m.ruleId === '${RULE}').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

interface Case {
	path: string;
	text: string;
}

let linted: Map<Case, string[]>;

function lintAll(cases: Case[]): Map<Case, string[]> {
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_TEXTS], {
		cwd: ROOT,
		input: JSON.stringify(cases.map((c) => ({ path: join(ROOT, c.path), text: c.text }))),
		encoding: 'utf8',
	});
	if (run.status !== 0) throw new Error(`eslint could not run: ${run.stderr}`);
	const results = JSON.parse(run.stdout) as string[][];
	return new Map(cases.map((c, i) => [c, results[i] ?? []]));
}

const CORE_FILE = 'src/core/files/paths.ts';
const NODE_FILE = 'src/node/args.ts';

const refusedInCore: [string, string][] = [
	["import { Notice } from 'obsidian';\nexport const n = Notice;\n", 'Obsidian'],
	["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", "Node's modules"],
	["import { readFileSync } from 'fs';\nexport const r = readFileSync;\n", "Node's modules"],
	["import { join } from 'path';\nexport const j = join;\n", "Node's modules"],
	["import { VaultFileStore } from '../../plugin/vault-file-store';\nexport const v = VaultFileStore;\n", 'never imports a shell'],
	["import { FsFileStore } from '../../node/fs-file-store';\nexport const f = FsFileStore;\n", 'never imports a shell'],
];
const core = refusedInCore.map(([text]) => ({ path: CORE_FILE, text }));
const corePure = {
	path: CORE_FILE,
	text: "import type { Stats } from 'node:fs';\nimport { parse } from 'yaml';\nimport { normalizeVaultPath } from './paths';\nexport const p: [unknown, unknown, Stats | null] = [parse, normalizeVaultPath, null];\n",
};
const nodeToPlugin = { path: NODE_FILE, text: "import { VaultFileStore } from '../plugin/vault-file-store';\nexport const v = VaultFileStore;\n" };
const PLUGIN_FILE = 'src/plugin/settings.ts';
const pluginToNode = { path: PLUGIN_FILE, text: "import { FsFileStore } from '../node/fs-file-store';\nexport const f = FsFileStore;\n" };
const pluginFine = {
	path: PLUGIN_FILE,
	text: "import { Notice } from 'obsidian';\nimport { normalizeVaultPath } from '../core/files/paths';\nexport const p = [Notice, normalizeVaultPath];\n",
};
const nodeFine = {
	path: NODE_FILE,
	text: "import { readFileSync } from 'node:fs';\nimport { normalizeVaultPath } from '../core/files/paths';\nexport const r = [readFileSync, normalizeVaultPath];\n",
};

beforeAll(() => {
	linted = lintAll([...core, corePure, nodeToPlugin, nodeFine, pluginToNode, pluginFine]);
}, 180000);

describe('the lint keeps the layers', () => {
	it.each(refusedInCore.map(([text, why], i) => [text.split('\n')[0], why, i] as const))('refuses in the core: %s', (_line, why, i) => {
		const found = linted.get(core[i])!;
		expect(found).toHaveLength(1);
		expect(found[0]).toContain(why);
	});

	it('lets the core import its own modules, pure packages and Node types', () => {
		expect(linted.get(corePure)).toEqual([]);
	});

	it('refuses the plugin in the Node shell, and lets it use Node and the core', () => {
		expect(linted.get(nodeToPlugin)).toHaveLength(1);
		expect(linted.get(nodeFine)).toEqual([]);
	});

	it('refuses the Node shell in the plugin, and lets it use Obsidian and the core', () => {
		const found = linted.get(pluginToNode)!;
		expect(found).toHaveLength(1);
		expect(found[0]).toContain('main.js must load on mobile');
		expect(linted.get(pluginFine)).toEqual([]);
	});
});
