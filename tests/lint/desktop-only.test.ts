import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * Git's Node modules are required only behind a desktop check in the form the review lint
 * (`obsidianmd/no-nodejs-modules`) recognises: the function's first statement returns or throws
 * unless `Platform.isDesktop`. The same file without that statement must fail the lint, so the
 * passing run shows the guard is what the lint reads, not a rule that is off.
 */
const ROOT = join(__dirname, '..', '..');
const RULE = 'obsidianmd/no-nodejs-modules';
const FILE = join(ROOT, 'src/plugin/git/desktop-git.ts');
const GUARD = '\tif (!Platform.isDesktop) throw desktopOnly();\n';

const LINT = `
import { ESLint } from 'eslint';
const texts = JSON.parse(await new Promise((done) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => done(s)); }));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const t of texts) {
	const [result] = await eslint.lintText(t, { filePath: ${JSON.stringify(FILE)} });
	out.push(result.messages.filter((m) => m.ruleId === '${RULE}').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

let asWritten: string[];
let unguarded: string[];

beforeAll(() => {
	const text = readFileSync(FILE, 'utf8');
	expect(text).toContain(GUARD);
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT], { cwd: ROOT, input: JSON.stringify([text, text.replace(GUARD, '')]), encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`eslint could not run: ${run.stderr}`);
	[asWritten, unguarded] = JSON.parse(run.stdout) as string[][];
}, 180000);

describe("git's Node modules", () => {
	it('are required behind the desktop guard the lint recognises', () => {
		expect(asWritten).toEqual([]);
	});

	it('fail the lint without that guard', () => {
		expect(unguarded.map((m) => /"([^"]+)"/.exec(m)?.[1])).toEqual(['node:child_process', 'node:fs', 'node:process']);
	});
});
