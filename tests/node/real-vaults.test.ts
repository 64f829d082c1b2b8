import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { conventionalContextPath } from '../../src/core/index/discovery';
import { runCli } from '../../src/node/cli';
import { openWorkspace } from '../../src/node/open-workspace';
import { readVaultFiles } from '../helpers/vault-files';

/**
 * Every verb a person or an agent runs, on every fixture vault shaped like a real one
 * (tests/fixtures/real-vaults/*): read verbs answer each spec with exit 0 or 1 and one clear line,
 * never print an id twice, and the writing verbs change only the files of the spec they name.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'real-vaults');
const VAULTS = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'specs')));

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

async function cli(vault: string, args: string[]): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const code = await runCli([...args, '--vault', vault], {
		cwd: vault,
		env: { SPEC_WORK_NOW: '2025-09-01T10:00' },
		stdout: (t) => (stdout += t),
		stderr: (t) => (stderr += t),
		readStdin: () => '',
	});
	return { code, stdout, stderr };
}

/** Exit 0, or exit 1 with one line on stderr that names the problem; never a stack trace. */
function expectClear(run: Run, what: string): void {
	expect([what, run.code]).toEqual([what, run.code === 0 ? 0 : 1]);
	expect([what, run.stderr]).not.toEqual([what, expect.stringMatching(/\n\s+at |unexpected error|TypeError|undefined/)]);
	if (run.code === 1 && run.stderr !== '') expect([what, run.stderr.trimEnd().split('\n').length]).toEqual([what, 1]);
}

/** `1014 - 1014`, `1014: 1014 -`, `E13-F01: E13-F01`: an id printed twice in a row. */
function doubledIds(text: string, ids: readonly string[]): string[] {
	const out: string[] = [];
	for (const id of ids) {
		const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const twice = new RegExp(`(^|[^\\w-])${escaped}\\s*[-–:|]\\s*\\[?${escaped}(?![\\w-])`, 'i');
		const m = twice.exec(text);
		if (m) out.push(text.slice(Math.max(0, m.index - 20), m.index + 40));
	}
	return out;
}

function changedPaths(before: Record<string, string>, after: Record<string, string>): string[] {
	return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((p) => before[p] !== after[p]).sort();
}

describe.each(VAULTS)('real-vault fixture %s', (name) => {
	let vault: string;
	let ids: string[];
	/** id → the files a write for that spec may change (its spec, its journal, its deliverables folder, its report). */
	let ownFiles: Map<string, (path: string) => boolean>;

	beforeEach(async () => {
		vault = mkdtempSync(join(tmpdir(), `real-vault-${name}-`));
		cpSync(join(FIXTURES, name), vault, { recursive: true });
		const ws = await openWorkspace({ cwd: vault, vault });
		ids = ws.index.all().map((s) => s.id);
		ownFiles = new Map();
		// From the layout alone, not from the index's answer under test: the spec, the journal beside it
		// (`context.md` for epic.md/spec.md, else `{id}.context.md`), its report and its deliverables folder.
		for (const spec of ws.index.all()) {
			const folder = spec.path.slice(0, spec.path.lastIndexOf('/') + 1);
			const journals = new Set([conventionalContextPath(spec.path), `${folder}${spec.id}.context.md`]);
			ownFiles.set(spec.id, (p) => p === spec.path || journals.has(p) || p === `${folder}${spec.id}.deliverables.md` || p.startsWith(`${folder}deliverables/`));
		}
	});

	afterEach(() => rmSync(vault, { recursive: true, force: true }));

	it('answers status, resume and deliverables for every spec, and list, next and validate, clearly and with no id twice', async () => {
		expect(ids.length).toBeGreaterThan(0);
		const runs: [string, Run][] = [];
		for (const args of [['list'], ['validate'], ['next']]) runs.push([args.join(' '), await cli(vault, args)]);
		for (const id of ids) {
			for (const verb of ['status', 'resume', 'deliverables']) runs.push([`${verb} ${id}`, await cli(vault, [verb, id])]);
		}
		for (const [what, run] of runs) {
			expectClear(run, what);
			expect([what, doubledIds(run.stdout + run.stderr, ids)]).toEqual([what, []]);
		}
	});

	it('start, log and deliver change only the files of the spec named', async () => {
		let started = 0;
		for (const id of ids) {
			const before = readVaultFiles(vault);
			const runs = [
				await cli(vault, ['start', id, '--title', 'Fixture session']),
				await cli(vault, ['log', id, 'implementation', 'Checked the fixture']),
				await cli(vault, ['deliver', id, '--type', 'docs', '--file', `notes-${id}.md`, '--title', 'Notes', '--purpose', 'Fixture notes']),
			];
			for (const run of runs) expectClear(run, `${id}: ${run.stderr}`);
			if (runs[0].code === 0) started++;
			const changed = changedPaths(before, readVaultFiles(vault));
			const own = ownFiles.get(id)!;
			expect([id, changed.filter((p) => !own(p))]).toEqual([id, []]);
			expect([id, doubledIds(changed.map((p) => readVaultFiles(vault)[p] ?? '').join('\n'), ids)]).toEqual([id, []]);
		}
		// Refusing everything would pass the checks above: most specs of a fixture can be worked on.
		expect(started).toBeGreaterThan(ids.length / 2);
	});

	it('validate --fix changes only files it reported as fixable', async () => {
		const report = await cli(vault, ['validate', '--json']);
		expectClear(report, 'validate --json');
		const problems = (JSON.parse(report.stdout) as { problems: { path: string; fixable?: boolean }[] }).problems;
		const fixable = new Set(problems.filter((p) => p.fixable).map((p) => p.path));
		const before = readVaultFiles(vault);
		const fix = await cli(vault, ['validate', '--fix']);
		expectClear(fix, 'validate --fix');
		expect(changedPaths(before, readVaultFiles(vault)).filter((p) => !fixable.has(p))).toEqual([]);
	});
});
