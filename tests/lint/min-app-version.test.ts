import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * manifest.json's minAppVersion is what the plugin needs, no more and no less: the highest
 * `@since` in the installed typings among the Obsidian APIs the plugin calls without a
 * `requireApiVersion` guard. The review lint `obsidianmd/no-unsupported-api` reads those tags; run
 * with a floor of 0.0.0 it reports every tagged API the plugin calls unguarded, with its version.
 * With the manifest's own floor it must refuse a newer API called unguarded, and accept it behind
 * `requireApiVersion`. ESLint runs in its own Node process (its configuration is an ES module).
 */
const ROOT = join(__dirname, '..', '..');
const RULE = 'obsidianmd/no-unsupported-api';
const PLUGIN_FILES = ['src/main.ts', 'src/plugin/**/*.ts'];

const LINT = `
import { ESLint } from 'eslint';
const { files, fixtures } = JSON.parse(await new Promise((done) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => done(s)); }));
const pick = (results) => results.flatMap((r) => r.messages.filter((m) => m.ruleId === '${RULE}').map((m) => m.message));
const floor = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { '${RULE}': ['error', { minAppVersion: '0.0.0' }] } } });
const sources = pick(await floor.lintFiles(files));
const eslint = new ESLint({ cwd: process.cwd() });
const linted = [];
for (const f of fixtures) linted.push(pick(await eslint.lintText(f.text, { filePath: f.path })));
process.stdout.write(JSON.stringify({ sources, linted }));
`;

interface Fixture {
	path: string;
	text: string;
}

const FIXTURE_PATH = join(ROOT, 'src/plugin/settings.ts');
const unguarded: Fixture = {
	path: FIXTURE_PATH,
	text: "import { ButtonComponent } from 'obsidian';\nexport function mark(b: ButtonComponent): void {\n\tb.setDestructive();\n}\n",
};
const guarded: Fixture = {
	path: FIXTURE_PATH,
	text: "import { ButtonComponent, requireApiVersion } from 'obsidian';\nexport function mark(b: ButtonComponent): void {\n\tif (requireApiVersion('1.13.0')) b.setDestructive();\n}\n",
};
const guardedTooLow: Fixture = {
	path: FIXTURE_PATH,
	text: "import { ButtonComponent, requireApiVersion } from 'obsidian';\nexport function mark(b: ButtonComponent): void {\n\tif (requireApiVersion('1.11.0')) b.setDestructive();\n}\n",
};

let lint: { sources: string[]; linted: string[][] };

beforeAll(() => {
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT], {
		cwd: ROOT,
		input: JSON.stringify({ files: PLUGIN_FILES, fixtures: [unguarded, guarded, guardedTooLow] }),
		encoding: 'utf8',
	});
	if (run.status !== 0) throw new Error(`eslint could not run: ${run.stderr}`);
	lint = JSON.parse(run.stdout) as typeof lint;
}, 180000);

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { minAppVersion: string };

function compareVersions(a: string, b: string): number {
	const x = a.split('.').map(Number);
	const y = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
	return 0;
}

/** `'Workspace.revealLeaf' requires Obsidian v1.7.2, …` → the API and its version. */
function apiVersions(messages: string[]): Map<string, string> {
	const out = new Map<string, string>();
	for (const m of messages) {
		const found = /^'([^']+)' requires Obsidian v([\d.]+)/.exec(m);
		if (!found) throw new Error(`Unexpected message: ${m}`);
		out.set(found[1], found[2]);
	}
	return out;
}

describe('minAppVersion', () => {
	it('is the highest @since among the APIs the plugin calls without a requireApiVersion guard', () => {
		const used = apiVersions(lint.sources);
		// The lint found the plugin's calls at all (a broken run would find none and prove nothing).
		expect(used.get('Vault.process')).toBe('1.1.0');
		const highest = [...used.values()].sort(compareVersions).at(-1);
		expect(manifest.minAppVersion).toBe(highest);
	});

	it('keeps newer APIs behind requireApiVersion: none the plugin calls unguarded is newer than the manifest says', () => {
		const newer = [...apiVersions(lint.sources)].filter(([, v]) => compareVersions(v, manifest.minAppVersion) > 0);
		expect(newer).toEqual([]);
	});

	it('makes the lint refuse a newer API called unguarded, and accept it behind a high enough requireApiVersion', () => {
		const [bare, behindGuard, behindLowGuard] = lint.linted;
		expect(bare).toEqual([`'ButtonComponent.setDestructive' requires Obsidian v1.13.0, but minAppVersion is ${manifest.minAppVersion}.`]);
		expect(behindGuard).toEqual([]);
		expect(behindLowGuard).toHaveLength(1);
	});
});

describe('the typings', () => {
	it('are Obsidian 1.13, pinned exactly, with their @since tags', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
		expect(pkg.devDependencies.obsidian).toMatch(/^1\.13\.\d+$/);
		const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/obsidian/package.json'), 'utf8')) as { version: string };
		expect(installed.version).toBe(pkg.devDependencies.obsidian);
		const dts = readFileSync(join(ROOT, 'node_modules/obsidian/obsidian.d.ts'), 'utf8');
		// 1.8.7's typings had 2 tags, too few for the lint to see anything.
		expect(dts.match(/@since \d/g)?.length).toBeGreaterThan(800);
	});
});
