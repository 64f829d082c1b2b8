import { createHash } from 'crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { OLD_VAULT } from '../core/migration/old-vault-fixture';
import { spawnCli } from '../helpers/cli-process';
import { EXAMPLE_VAULT } from '../helpers/vault-files';

/**
 * Approval tests: every verb, run as a real process on the example vault, the real-vault fixtures
 * and an old-layout vault, with what it printed, its exit code and every file it wrote kept in
 * tests/node/approved/<scenario>.txt. A change to any output or written byte shows as a failing
 * test with a readable diff. When the change is meant, run `APPROVE=1 npx jest verbs-approved` and
 * read the diff of the approved files before committing them.
 */
// APPROVED_DIR keeps a baseline of one's own elsewhere (before a refactor, say) without touching these.
const APPROVED = process.env.APPROVED_DIR ?? join(__dirname, 'approved');
const FIXTURES = join(__dirname, '..', 'fixtures', 'real-vaults');
const APPROVE = process.env.APPROVE === '1';

type Step = string[] | { args: string[]; input: string };

interface Scenario {
	name: string;
	vault: string | Record<string, string>;
	steps: Step[];
}

const json = (args: string[]): string[] => [...args, '--json'];

const READS = (id: string): Step[] => [
	['list'],
	['status', id],
	['status', '--all'],
	['resume', id],
	['deliverables', id],
	['next'],
	['validate'],
	['migrate'],
	['contexts'],
	json(['list']),
	json(['status', id]),
	json(['resume', id]),
	json(['deliverables', id]),
	json(['next']),
	json(['validate']),
];

const SCENARIOS: Scenario[] = [
	{
		name: 'example-reads',
		vault: EXAMPLE_VAULT,
		steps: [...READS('1014'), ['status', '1011'], ['new', 'task', '--suggest', '--parent', '1001'], ['--help'], ['deliver', '--help']],
	},
	{
		name: 'example-refusals',
		vault: EXAMPLE_VAULT,
		steps: [
			['status', '9999'],
			['log', '1014', 'testing', 'no session yet'],
			['task', '1014', '6', 'finished'],
			['deliver', '1014', '--type', 'scripts', '--file', '../escape.sh', '--purpose', 'x'],
			['new', 'task', '--title', 'Bad [[title]]', '--parent', '1001'],
			['frobnicate'],
			['status'],
		],
	},
	{
		name: 'example-session',
		vault: EXAMPLE_VAULT,
		steps: [
			['start', '1014', '--participants', 'User, Claude', '--plan', 'Final check with the downstream teams'],
			['log', '1014', 'planning', 'Resumed at the troubleshooting guide'],
			['log', '1014', 'implementation', 'Wrote the stale file handle section'],
			['log', '1014', 'issues', 'Mount hung on reboot', '--resolution', 'Added x-systemd.automount', '--commit', 'abc1234'],
			['task', '1014', '6', 'done'],
			['task', '1014', 'Final validation', 'in-progress'],
			{
				args: ['deliver', '1014', '--type', 'scripts', '--file', 'remount.sh', '--title', 'Remount helper', '--purpose', 'Remount the share after a NAS reboot', '--stdin'],
				input: '#!/bin/bash\nset -euo pipefail\numount -l /mnt/nas || true\nmount /mnt/nas\nnc -z 192.168.1.101 2049\n',
			},
			{
				args: ['deliver', '1014', '--type', 'docs', '--file', 'faq.md', '--title', 'FAQ', '--purpose', 'Common questions', '--stdin'],
				input: '# FAQ\n\nWhy is the mount hard? So writes pause instead of failing.\n',
			},
			['deliver', '1014', '--type', 'config', '--file', 'automount.nas', '--purpose', 'Automount unit options', '--target', '/etc/fstab'],
			['status', '1014'],
			['finish', '1014', '--summary', 'Troubleshooting guide written; remount helper added'],
			['deliverables', '1014', '--write'],
			['new', 'task', '--title', 'Archive tier', '--parent', '1001'],
			['new', 'feature', '--title', 'Backups', '--parent', '1000'],
			['validate', '--fix'],
			['resume', '1014'],
			['base'],
			['base'],
		],
	},
	...['seed-walkthrough', 'nested-ids', 'owner-lists', 'progress', 'shared-context'].map((name) => ({
		name: `fixture-${name}`,
		vault: join(FIXTURES, name),
		steps: [['list'], ['status', '--all'], ['next'], ['validate'], json(['validate']), ['migrate'], ['contexts']] as Step[],
	})),
	{
		name: 'fixture-seed-walkthrough-1014',
		vault: join(FIXTURES, 'seed-walkthrough'),
		steps: [...READS('1014'), ['start', '1014'], ['log', '1014', 'implementation', 'Checked the mount'], ['finish', '1014'], ['validate', '--fix']],
	},
	{
		name: 'old-layout-migration',
		vault: OLD_VAULT,
		steps: [
			['migrate'],
			json(['migrate']),
			['migrate', '--apply'],
			['validate'],
			['list'],
			['migrate', '--revert', 'last'],
			['list'],
			['migrate', '--apply'],
			['contexts', '--apply'],
			['validate'],
		],
	},
];

/** The vault's files, copied to a temporary folder. */
function copyVault(vault: Scenario['vault']): string {
	const dir = mkdtempSync(join(tmpdir(), 'spec-work-approved-'));
	if (typeof vault === 'string') cpSync(vault, dir, { recursive: true });
	else
		for (const [path, text] of Object.entries(vault)) {
			mkdirSync(join(dir, path, '..'), { recursive: true });
			writeFileSync(join(dir, path), text);
		}
	return dir;
}

/** The temporary folder's name is the only thing that differs between runs. */
function stable(text: string, dir: string): string {
	return text.split(dir).join('<vault>');
}

/** Every file under `root` (but .obsidian) as its text, or, for bytes that are not text, their size and hash. */
function vaultFiles(root: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.name === '.obsidian') continue;
			const abs = join(dir, entry.name);
			if (entry.isDirectory()) walk(abs);
			else out[relative(root, abs)] = shown(readFileSync(abs));
		}
	};
	walk(root);
	return out;
}

function shown(bytes: Buffer): string {
	const text = bytes.toString('utf8');
	if (!text.includes('\u0000') && !text.includes('\uFFFD')) return text;
	return `(${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)})`;
}

function record(scenario: Scenario): string {
	const dir = copyVault(scenario.vault);
	try {
		const before = vaultFiles(dir);
		const out: string[] = [];
		for (const step of scenario.steps) {
			const { args, input } = Array.isArray(step) ? { args: step, input: undefined } : step;
			const r = spawnCli(args, { cwd: dir, input });
			out.push(`$ spec-work ${args.map((a) => (/[\s"'[\]|]/.test(a) || a === '' ? JSON.stringify(a) : a)).join(' ')}`);
			out.push(`exit ${r.code}`);
			if (r.stdout) out.push(`--- stdout\n${r.stdout.replace(/\n$/, '')}`);
			if (r.stderr) out.push(`--- stderr\n${r.stderr.replace(/\n$/, '')}`);
			out.push('');
		}
		const after = vaultFiles(dir);
		const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
		for (const path of paths) {
			if (before[path] === after[path]) continue;
			if (after[path] === undefined) out.push(`=== removed ${path}`, '');
			else out.push(`=== ${before[path] === undefined ? 'created' : 'changed'} ${path}`, after[path], '');
		}
		return stable(out.join('\n'), dir);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('every verb, as approved', () => {
	it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (name, scenario) => {
		const path = join(APPROVED, `${name}.txt`);
		const got = record(scenario);
		if (APPROVE) {
			mkdirSync(APPROVED, { recursive: true });
			writeFileSync(path, got);
		}
		expect(existsSync(path) ? readFileSync(path, 'utf8') : `(no approved output: run APPROVE=1 npx jest verbs-approved)`).toBe(got);
	});
});
