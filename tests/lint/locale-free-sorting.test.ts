import { spawnSync } from 'child_process';
import { join } from 'path';
import { TempVault, spawnCli } from '../helpers/cli-process';

/**
 * What the core sorts ends up in files, and a phone set to another language must write the same
 * bytes: sorting compares code points or names a fixed locale. The lint refuses a sort with the
 * device's default locale (`localeCompare` without a locale, `Intl.Collator()`), and the CLI run
 * under Danish and Estonian default locales writes and prints exactly what it does under English.
 */
const ROOT = join(__dirname, '..', '..');
const CORE_FILE = join(ROOT, 'src/core/files/paths.ts');

const LINT_TEXTS = `
import { ESLint } from 'eslint';
const texts = JSON.parse(await new Promise((done) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => done(s)); }));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const t of texts) {
	const [result] = await eslint.lintText(t, { filePath: ${JSON.stringify(CORE_FILE)} });
	out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

const REFUSED = [
	"export const s = ['b', 'a'].sort((x, y) => x.localeCompare(y));\n",
	"export const s = ['b', 'a'].sort((x, y) => x.localeCompare(y, undefined, { numeric: true }));\n",
	'export const c = new Intl.Collator();\n',
	'export const c = new Intl.Collator(undefined, { numeric: true });\n',
];
const ACCEPTED = [
	"export const c = new Intl.Collator('en', { numeric: true });\nexport const s = ['b', 'a'].sort((x, y) => x.localeCompare(y, 'en'));\n",
	"export const s = ['b', 'a'].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));\n",
];

describe('the lint', () => {
	let linted: string[][];

	beforeAll(() => {
		const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_TEXTS], { cwd: ROOT, input: JSON.stringify([...REFUSED, ...ACCEPTED]), encoding: 'utf8' });
		if (run.status !== 0) throw new Error(`eslint could not run: ${run.stderr}`);
		linted = JSON.parse(run.stdout) as string[][];
	}, 180000);

	it.each(REFUSED.map((text, i) => [text.trim(), i] as const))("refuses a sort in the device's language: %s", (_text, i) => {
		expect(linted[i]).toEqual([expect.stringContaining("Sorts with the device's language")]);
	});

	it('accepts a fixed locale or a code-point comparison', () => {
		expect(linted.slice(REFUSED.length)).toEqual([[], []]);
	});
});

/** Custom deliverable types and epic ids whose order differs by language: Danish sorts "aa" after "z", Estonian "z" before "t". */
const STEPS: string[][] = [
	...['ZZ1', 'TT1', 'AA1', 'AB1'].map((id) => ['new', 'epic', '--id', id, '--title', `Epic ${id}`]),
	...['zeta', 'tools', 'aa', 'ab'].map((type) => ['deliver', '1014', '--type', type, '--file', `${type}.txt`, '--purpose', `The ${type} file`, '--stdin']),
	['deliverables', '1014', '--write'],
	['deliverables', '1014', '--json'],
	['status', '--all'],
	['list'],
	['validate'],
];

/** Every step's output and the vault's files after them, the CLI run with `LC_ALL` set to `locale`. */
function runIn(locale: string): { outputs: string[]; files: Record<string, string> } {
	const vault = new TempVault();
	try {
		const outputs = STEPS.map((args) => {
			const r = spawnCli(args, { cwd: vault.dir, input: `${args[3]}\n`, env: { LC_ALL: locale } });
			return `${r.code}\n${r.stdout}${r.stderr}`;
		});
		return { outputs, files: vault.files() };
	} finally {
		vault.cleanup();
	}
}

/** How the default locale of a Node process started with `LC_ALL=locale` sorts. */
function defaultSort(locale: string, words: string[]): string[] {
	const r = spawnSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(${JSON.stringify(words)}.sort((a, b) => a.localeCompare(b))))`], {
		env: { PATH: process.env.PATH ?? '', LC_ALL: locale },
		encoding: 'utf8',
	});
	return JSON.parse(r.stdout) as string[];
}

describe('written bytes under another default locale', () => {
	const WORDS = ['zeta', 'tools', 'ab', 'aa'];

	it('would differ with the default locale: the child processes really sort in Danish and Estonian', () => {
		expect(defaultSort('en_US.UTF-8', WORDS)).toEqual(['aa', 'ab', 'tools', 'zeta']);
		expect(defaultSort('da_DK.UTF-8', WORDS)).toEqual(['ab', 'tools', 'zeta', 'aa']);
		expect(defaultSort('et_EE.UTF-8', WORDS)).toEqual(['aa', 'ab', 'zeta', 'tools']);
	});

	it('are the same as under English, file for file and output for output', () => {
		const english = runIn('en_US.UTF-8');
		expect(english.outputs[english.outputs.length - 2]).toMatch(/AA1[\s\S]*AB1[\s\S]*TT1[\s\S]*ZZ1/);
		expect(english.files['specs/1000/1001/1014.deliverables.md']).toMatch(/### Aa \(1\)[\s\S]*### Ab \(1\)[\s\S]*### Tools \(1\)[\s\S]*### Zeta \(1\)/);
		for (const locale of ['da_DK.UTF-8', 'et_EE.UTF-8']) expect({ locale, ...runIn(locale) }).toEqual({ locale, ...english });
	}, 120000);
});
