/**
 * `npm run bench`: migrates (dry run and apply) an old-layout vault of about 1,000 specs written to
 * a temp folder, then generates vaults of about 1,000, 10,000 and 50,000 files in bench/vaults/ and
 * measures, in this one process, each operation against the floor of just reading every file.
 * Prints the tables (medians) and writes bench/results.json. Options: `--sizes 1000,10000`,
 * `--runs N` (default 5, 3 at 50,000 files), `--migration-only`, `--no-migration`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vm from 'node:vm';
import { scanBacklinks } from '../src/core/reports/backlinks';
import { deliverablesReport } from '../src/core/reports/deliverables-report';
import { specStatus } from '../src/core/reports/spec-status';
import { validate } from '../src/core/validate/validate';
import { readMigrationInput } from '../src/core/migration/migration-input';
import { planMigration } from '../src/core/migration/migration-plan';
import { FsFileStore } from '../src/node/fs-file-store';
import { MIGRATE_VERBS } from '../src/node/migrate-verb';
import { NodeWorkspace, openWorkspace } from '../src/node/open-workspace';
import type { VerbResult } from '../src/node/verbs';
import { measureCliCalls } from './cli-calls';
import { measureMcpCalls } from './mcp-calls';
import { generateOldVault } from './generate-old-vault';
import { generateVault, GeneratedVault } from './generate-vault';

const ROOT = process.cwd();
const VAULTS = join(ROOT, 'bench', 'vaults');
const RESULTS = join(ROOT, 'bench', 'results.json');
/** Bumped when the generator's output changes, so stale vaults on disk are rewritten. */
const GENERATOR_VERSION = 1;

interface Figure {
	key: string;
	label: string;
	/** Median in milliseconds. */
	ms: number | null;
	runs: number[];
	/** ms / raw read ms. */
	ratio: number | null;
	note?: string;
}

interface SizeResult {
	files: number;
	bytes: number;
	specs: number;
	sampleFeature: string;
	sampleTask: string;
	figures: Figure[];
	/** Highest resident set size sampled while measuring this vault (MB). */
	peakRssMb: number;
	/** Heap held by one open workspace (its index and link resolver), after GC (MB). */
	workspaceHeapMb: number | null;
	/** The CLI's index cache on disk after the calls (spec facts; the link graph), and a warm status call's peak memory. */
	cli?: { cacheSpecsMb: number; cacheLinksMb: number; warmPeakRssMb: number | null };
}

interface MigrationResult {
	files: number;
	bytes: number;
	specs: number;
	moves: number;
	edits: number;
	merges: number;
	warnings: number;
	figures: Figure[];
	peakRssMb: number;
}

function args(): { sizes: number[]; runs: number | null; migration: boolean } {
	const argv = process.argv.slice(2);
	const value = (name: string) => {
		const i = argv.indexOf(name);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const only = argv.includes('--migration-only');
	const sizes = only
		? []
		: (value('--sizes') ?? '1000,10000,50000')
				.split(',')
				.map(Number)
				.filter((n) => n > 0);
	const runs = value('--runs');
	return { sizes, runs: runs ? Number(runs) : null, migration: !argv.includes('--no-migration') };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Peak RSS, sampled between awaits (the work is I/O-bound enough to give the timer turns) and after each run. */
class MemorySampler {
	peak = 0;
	private timer: NodeJS.Timeout | null = null;
	start(): void {
		this.peak = process.memoryUsage().rss;
		this.timer = setInterval(() => this.sample(), 5);
	}
	sample(): void {
		this.peak = Math.max(this.peak, process.memoryUsage().rss);
	}
	stop(): number {
		if (this.timer) clearInterval(this.timer);
		this.sample();
		return this.peak;
	}
}

const memory = new MemorySampler();

async function timeRuns(runs: number, fn: () => Promise<unknown>, collect = true): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		if (collect) gc();
		const t0 = performance.now();
		await fn();
		out.push(performance.now() - t0);
		memory.sample();
	}
	return out;
}

/** A cheap fingerprint of the generated files, so an unchanged vault on disk is reused. */
function fingerprint(vault: GeneratedVault): string {
	let h = 0x811c9dc5;
	let bytes = 0;
	for (const [path, text] of vault.files) {
		for (const s of [path, text]) {
			for (let i = 0; i < s.length; i += 7) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
		}
		bytes += text.length;
	}
	return `v${GENERATOR_VERSION}-${vault.files.size}-${bytes}-${h.toString(16)}`;
}

function writeVault(size: number, vault: GeneratedVault): string {
	const dir = join(VAULTS, String(size));
	const marker = join(VAULTS, `${size}.json`);
	const print = fingerprint(vault);
	if (existsSync(marker) && existsSync(dir)) {
		const saved = JSON.parse(readFileSync(marker, 'utf8')) as { fingerprint?: string };
		if (saved.fingerprint === print) return dir;
	}
	rmSync(dir, { recursive: true, force: true });
	const made = new Set<string>();
	for (const [path, text] of vault.files) {
		const abs = join(dir, path);
		const folder = dirname(abs);
		if (!made.has(folder)) {
			mkdirSync(folder, { recursive: true });
			made.add(folder);
		}
		writeFileSync(abs, text);
	}
	writeFileSync(marker, JSON.stringify({ fingerprint: print }) + '\n');
	return dir;
}

/**
 * Generates and writes the vault, keeping only what the measures need: the generated texts (110 MB
 * at 50,000 files) held during the runs would make every garbage collection slower, the floor's too.
 */
function prepareVault(size: number): {
	dir: string;
	vault: { files: number; specs: number; sampleTask: string; sampleFeature: string };
	texts: { bytes: number; get(path: string): string };
} {
	const generated = generateVault(size);
	const dir = writeVault(size, generated);
	const bytes = [...generated.files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
	const { specs, sampleTask, sampleFeature } = generated;
	return {
		dir,
		vault: { files: generated.files.size, specs, sampleTask, sampleFeature },
		// The sample task's text is read back from disk: it is what was written.
		texts: { bytes, get: (path) => readFileSync(join(dir, path), 'utf8') },
	};
}

async function measure(size: number, runsOption: number | null): Promise<SizeResult> {
	const t0 = performance.now();
	const { dir, vault, texts } = prepareVault(size);
	const bytes = texts.bytes;
	console.error(`\n${vault.files} files (${(bytes / 1048576).toFixed(1)} MB, ${vault.specs} specs) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${dir}`);
	const runs = runsOption ?? (size >= 50000 ? 3 : 5);
	const figures: Figure[] = [];
	const add = (key: string, label: string, xs: number[], note?: string) => {
		figures.push({ key, label, ms: median(xs), runs: xs.map((x) => Math.round(x * 1000) / 1000), ratio: null, ...(note ? { note } : {}) });
		console.error(`  ${label}: ${median(xs).toFixed(3)} ms (${xs.map((x) => x.toFixed(1)).join(', ')})`);
	};
	memory.start();

	// The floor: every file's text, read one after another.
	await readEverything(dir); // warm the page cache: every figure below is a warm one
	add('rawRead', 'raw read (walk folders, read every file)', await timeRuns(runs, () => readEverything(dir)));

	let ws: NodeWorkspace | null = null;
	add(
		'indexBuild',
		'index build (open workspace: links + spec index)',
		await timeRuns(runs, async () => {
			ws = null;
			const opened = await openWorkspace({ cwd: dir, vault: dir });
			// The derived lookups are built lazily: count them with the build.
			opened.index.lookup(vault.sampleTask);
			ws = opened;
		}),
	);
	const open = ws as NodeWorkspace | null;
	if (!open) throw new Error('no workspace');
	gc();
	const before = process.memoryUsage().heapUsed;
	let spare: NodeWorkspace | null = await openWorkspace({ cwd: dir, vault: dir });
	spare.index.lookup(vault.sampleTask);
	gc();
	const workspaceHeapMb = (process.memoryUsage().heapUsed - before) / 1048576;
	spare = null;

	// One spec file changes: the index takes the new text, and the next lookup sees it.
	const taskPath = open.index.get(vault.sampleTask)?.path;
	if (!taskPath) throw new Error(`sample task ${vault.sampleTask} not indexed`);
	const original = texts.get(taskPath);
	let edit = 0;
	const updates: number[] = [];
	for (let r = 0; r < runs; r++) {
		const each = await timeRuns(
			21,
			() => {
				const text = original.replace(/^status: .*$/m, `status: ${edit++ % 2 ? 'completed' : 'implementing'}`);
				open.index.update(taskPath, text);
				if (open.index.get(vault.sampleTask)?.path !== taskPath) throw new Error('update lost the spec');
				open.index.parentOf(open.index.get(vault.sampleTask)!);
				return Promise.resolve();
			},
			false,
		);
		updates.push(median(each));
	}
	open.index.update(taskPath, original);
	add('update', 'incremental update of one spec + next lookup', updates);

	// Status and the report take a few milliseconds: each run is the median of 11 calls, as the panel
	// makes them (one after another, no full collection forced between them).
	const repeated = async (fn: () => Promise<unknown>): Promise<number[]> => {
		const out: number[] = [];
		for (let r = 0; r < runs; r++) out.push(median(await timeRuns(11, fn, false)));
		return out;
	};
	add('status', `status of one spec (feature ${vault.sampleFeature})`, await repeated(() => specStatus(open, vault.sampleFeature)));
	add('report', `deliverables report (task ${vault.sampleTask}), backlinks scanned as the CLI does`, await timeRuns(runs, () => deliverablesReport(open, vault.sampleTask)));
	const backlinks = await scanBacklinks(open);
	add('reportKnown', 'deliverables report, backlinks already known (plugin)', await repeated(() => deliverablesReport(open, vault.sampleTask, backlinks)));
	add('validate', 'validate the whole vault', await timeRuns(runs, () => validate(open)));

	// Whole processes, as an agent calls spec-work: the index cache cold and warm, and Node's own start.
	const cliPath = join(ROOT, 'dist', 'cli.js');
	const cli = measureCliCalls(cliPath, dir, { feature: vault.sampleFeature, task: vault.sampleTask }, runs);
	add('nodeFloor', 'node -e 0 (starting Node at all)', cli.nodeFloor);
	add('cliCold', 'spec-work status, whole process, cold index cache', cli.cold);
	add('cliWarm', 'spec-work status, whole process, warm index cache', cli.warm);
	add('cliReportCold', 'spec-work deliverables, whole process, cold index cache', cli.reportCold);
	add('cliReportWarm', 'spec-work deliverables, whole process, warm index cache', cli.reportWarm);
	add('cliLogWarm', 'spec-work log (a write), whole process, warm index cache', cli.logWarm);
	add('cliValidateWarm', 'spec-work validate, whole process, warm index cache', cli.validateWarm);
	// The MCP server on the same vault, its cache warmed by one CLI call first.
	const mcpCache = mkdtempSync(join(os.tmpdir(), 'spec-work-bench-mcp-'));
	try {
		spawnSync(process.execPath, [cliPath, 'status', vault.sampleFeature, '--vault', dir], { env: { ...process.env, SPEC_WORK_CACHE_DIR: mcpCache } });
		const mcp = await measureMcpCalls(cliPath, dir, vault.sampleFeature, runs, mcpCache);
		add('mcpFirst', 'MCP status call, the first of a session', [mcp.first]);
		add('mcpNext', 'MCP status call, the vault kept open', mcp.next);
	} finally {
		rmSync(mcpCache, { recursive: true, force: true });
	}

	const peak = memory.stop();
	const raw = figures[0].ms ?? 1;
	for (const f of figures) f.ratio = f.ms === null ? null : f.ms / raw;
	const mb = (n: number) => n / 1048576;
	return {
		files: vault.files,
		bytes,
		specs: vault.specs,
		sampleFeature: vault.sampleFeature,
		sampleTask: vault.sampleTask,
		figures,
		peakRssMb: peak / 1048576,
		workspaceHeapMb,
		cli: { cacheSpecsMb: mb(cli.cacheBytes.specs), cacheLinksMb: mb(cli.cacheBytes.links), warmPeakRssMb: cli.warmPeakRssMb },
	};
}

const NO_INPUT = { readInput: () => '', readStdin: () => '' };

/** `spec-work migrate [--apply]` as the CLI runs it once its arguments are parsed: open the workspace, run the verb. */
async function migrateCli(dir: string, apply: boolean): Promise<VerbResult> {
	const ws = await openWorkspace({ cwd: dir, vault: dir });
	const options = new Map<string, string>(apply ? [['apply', 'true']] : []);
	return MIGRATE_VERBS.migrate.run(ws, { positionals: [], options, repeated: new Map() }, NO_INPUT);
}

function countFiles(dir: string): number {
	let n = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
	return n;
}

/**
 * The migration of an old-layout vault (issue 7) on disk, through the CLI's own code: the dry run
 * (open the workspace, read every file, plan, format the plan), and `--apply` (the same, then the
 * moves, the edits, the log and removing the emptied folders) on a fresh copy each run.
 */
async function measureMigration(runsOption: number | null): Promise<MigrationResult> {
	const t0 = performance.now();
	const vault = generateOldVault(1000);
	const tmp = mkdtempSync(join(os.tmpdir(), 'spec-workflow-bench-old-'));
	try {
		const master = join(tmp, 'vault');
		for (const [path, text] of vault.files) {
			mkdirSync(dirname(join(master, path)), { recursive: true });
			writeFileSync(join(master, path), text);
		}
		const bytes = [...vault.files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
		console.error(
			`\nold-layout vault: ${vault.files.size} files (${(bytes / 1048576).toFixed(1)} MB, ${vault.specs} specs) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${master}`,
		);
		const runs = runsOption ?? 5;
		const figures: Figure[] = [];
		const add = (key: string, label: string, xs: number[]) => {
			figures.push({ key, label, ms: median(xs), runs: xs.map((x) => Math.round(x * 1000) / 1000), ratio: null });
			console.error(`  ${label}: ${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(1)).join(', ')})`);
		};
		memory.start();
		await readEverything(master);
		add('rawRead', 'raw read (walk folders, read every file)', await timeRuns(runs, () => readEverything(master)));

		const store = new FsFileStore(master);
		const plan = planMigration(await readMigrationInput(store, vault.specsRoot));
		if (plan.problems.some((p) => p.severity === 'error')) throw new Error(`the old vault does not migrate: ${plan.problems[0].message}`);
		add(
			'dryRun',
			'migration dry run (spec-work migrate)',
			await timeRuns(runs, async () => {
				const r = await migrateCli(master, false);
				if ((r.exitCode ?? 0) !== 0 || !r.text.includes('Dry run')) throw new Error(`dry run failed: ${r.text.slice(-300)}`);
			}),
		);
		// Its parts, on their own: reading the vault's files as the planner wants them, and planning.
		let input = await readMigrationInput(store, vault.specsRoot);
		add(
			'readInput',
			'  of which: read every file (readMigrationInput)',
			await timeRuns(runs, async () => {
				input = await readMigrationInput(store, vault.specsRoot);
			}),
		);
		add('plan', '  of which: plan (planMigration)', await timeRuns(runs, () => Promise.resolve(planMigration(input))));

		const applies: number[] = [];
		for (let r = 0; r < runs; r++) {
			const copy = join(tmp, `apply-${r}`);
			cpSync(master, copy, { recursive: true });
			await readEverything(copy); // warm, like the other figures
			gc();
			const start = performance.now();
			const result = await migrateCli(copy, true);
			applies.push(performance.now() - start);
			memory.sample();
			if (!(result.json as { applied?: boolean }).applied) throw new Error(`apply failed: ${result.text.slice(-300)}`);
			// Every file is still there, plus the log.
			const after = countFiles(copy);
			if (after !== vault.files.size + 1) throw new Error(`apply left ${after} files, expected ${vault.files.size + 1}`);
		}
		// The copies go only now: on an ext4 without a journal (this VM's disk) every file created
		// scans the inodes deleted in the last minutes, so deleting a copy before the next run
		// slowed that run's writes several times over. A user's disk sees no such burst of deletions.
		for (let r = 0; r < runs; r++) rmSync(join(tmp, `apply-${r}`), { recursive: true, force: true });
		add('apply', 'migration apply (spec-work migrate --apply, fresh copy)', applies);
		const peak = memory.stop();
		const raw = figures[0].ms ?? 1;
		for (const f of figures) f.ratio = f.ms === null ? null : f.ms / raw;
		return {
			files: vault.files.size,
			bytes,
			specs: vault.specs,
			moves: plan.moves.length,
			edits: plan.edits.length,
			merges: plan.merges.length,
			warnings: plan.problems.length,
			figures,
			peakRssMb: peak / 1048576,
		};
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

function migrationTable(m: MigrationResult): string {
	const head = [
		'Migration of an old-layout vault',
		`${m.files.toLocaleString('en')} files, ${m.specs.toLocaleString('en')} specs, ${(m.bytes / 1048576).toFixed(1)} MB`,
		'ratio to raw read',
	];
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	const rows = m.figures.map((f) => [f.label.replace(/^\s+/, '… '), fmtMs(f.ms), fmtRatio(f.ratio)]);
	rows.push(['peak RSS', `${Math.round(m.peakRssMb)} MB`, '']);
	rows.push([
		'what the plan holds',
		`${m.moves.toLocaleString('en')} moves, ${m.edits.toLocaleString('en')} files edited, ${m.merges} journals appended, ${m.warnings} warning${m.warnings === 1 ? '' : 's'}`,
		'',
	]);
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The floor: walk the folders and read every file's text (as Node reads fastest), nothing more. */
function readEverything(dir: string): Promise<number> {
	let n = 0;
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const abs = join(folder, entry.name);
			if (entry.isDirectory()) walk(abs);
			else n += readFileSync(abs, 'utf8').length;
		}
	};
	walk(dir);
	return Promise.resolve(n);
}

function fmtMs(ms: number | null): string {
	if (ms === null) return '—';
	if (ms < 1) return `${ms.toFixed(3)} ms`;
	if (ms < 100) return `${ms.toFixed(1)} ms`;
	return `${Math.round(ms)} ms`;
}

function fmtRatio(r: number | null): string {
	if (r === null) return '';
	return r < 0.01 ? `${r.toExponential(0)}×` : `${r.toFixed(2)}×`;
}

function table(results: SizeResult[], mainJsKb: number | null): string {
	if (results.length === 0) return `main.js (minified): ${mainJsKb === null ? 'not built' : `${mainJsKb.toFixed(1)} KB`}`;
	const head = ['Measure', ...results.map((r) => `${r.files.toLocaleString('en')} files`), ...results.map((r) => `ratio to raw read (${r.files.toLocaleString('en')})`)];
	const tenK = results.find((r) => r.files === 10000);
	const fiftyK = results.find((r) => r.files === 50000);
	if (tenK && fiftyK) head.push('50k ÷ 10k');
	const rows: string[][] = [];
	for (const [i, f] of results[0].figures.entries()) {
		const row = [
			f.label
				.replace(/\(feature \w+\)|\(task \w+\)/, '')
				.replace(/\s+,/, ',')
				.trim(),
		];
		for (const r of results) row.push(r.figures[i].ms === null ? (r.figures[i].note ?? '—') : fmtMs(r.figures[i].ms));
		for (const r of results) row.push(fmtRatio(r.figures[i].ratio));
		if (tenK && fiftyK) {
			const a = tenK.figures[i].ms;
			const b = fiftyK.figures[i].ms;
			row.push(a && b ? `${(b / a).toFixed(1)}×` : '');
		}
		rows.push(row);
	}
	const mem = ['peak RSS', ...results.map((r) => `${Math.round(r.peakRssMb)} MB`), ...results.map(() => '')];
	const heap = ['heap held by an open workspace', ...results.map((r) => (r.workspaceHeapMb === null ? '—' : `${r.workspaceHeapMb.toFixed(1)} MB`)), ...results.map(() => '')];
	if (tenK && fiftyK) {
		mem.push('');
		heap.push(`${((fiftyK.workspaceHeapMb ?? 0) / (tenK.workspaceHeapMb || 1)).toFixed(1)}×`);
	}
	rows.push(mem, heap);
	const cacheRow = [
		'index cache on disk (spec facts + link graph)',
		...results.map((r) => (r.cli ? `${(r.cli.cacheSpecsMb + r.cli.cacheLinksMb).toFixed(1)} MB (${r.cli.cacheSpecsMb.toFixed(1)} + ${r.cli.cacheLinksMb.toFixed(1)})` : '—')),
		...results.map(() => ''),
	];
	const cliRss = ['peak RSS of a warm spec-work status', ...results.map((r) => (r.cli?.warmPeakRssMb ? `${Math.round(r.cli.warmPeakRssMb)} MB` : '—')), ...results.map(() => '')];
	if (tenK && fiftyK) cacheRow.push('');
	if (tenK && fiftyK) cliRss.push('');
	rows.push(cacheRow, cliRss);
	const size = ['vault size on disk', ...results.map((r) => `${(r.bytes / 1048576).toFixed(1)} MB, ${r.specs.toLocaleString('en')} specs`), ...results.map(() => '')];
	if (tenK && fiftyK) size.push('');
	rows.push(size);
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	const out = [line(head), line(head.map(() => '---')), ...rows.map(line)];
	out.push('', `main.js (minified): ${mainJsKb === null ? 'not built' : `${mainJsKb.toFixed(1)} KB`}`);
	return out.join('\n');
}

const SHORT: Record<string, string> = {
	rawRead: 'raw read',
	indexBuild: 'index build',
	update: 'incremental update',
	status: 'status',
	report: 'deliverables report (scanning backlinks)',
	reportKnown: 'deliverables report (backlinks known)',
	validate: 'validate',
};

interface Target {
	what: string;
	figure: string;
	met: boolean | null;
}

function targets(results: SizeResult[], mainJsKb: number | null, mainJsEvaluateMs: number | null, migration: MigrationResult | null): Target[] {
	const get = (files: number, key: string) => results.find((r) => r.files === files)?.figures.find((f) => f.key === key)?.ms ?? null;
	const out: Target[] = [];
	const check = (what: string, value: number | null, limit: number, unit: (v: number) => string) =>
		out.push({ what, figure: value === null ? 'not measured' : unit(value), met: value === null ? null : value <= limit });
	const build = get(10000, 'indexBuild');
	const raw = get(10000, 'rawRead');
	check('index build at 10,000 files ≤ 2× raw read', build !== null && raw ? build / raw : null, 2, (v) => `${v.toFixed(2)}×`);
	check('incremental update at 10,000 files < 1 ms', get(10000, 'update'), 1, (v) => `${v.toFixed(3)} ms`);
	check('status of one spec at 10,000 files < 5 ms', get(10000, 'status'), 5, (v) => `${v.toFixed(2)} ms`);
	const validate10k = get(10000, 'validate');
	check('validate at 10,000 files ≤ 3× raw read', validate10k !== null && raw ? validate10k / raw : null, 3, (v) => `${v.toFixed(2)}×`);
	for (const key of ['rawRead', 'indexBuild', 'update', 'status', 'report', 'reportKnown', 'validate']) {
		const a = get(10000, key);
		const b = get(50000, key);
		const label = SHORT[key] ?? key;
		check(`${label}: 50,000 files ≤ about 5× 10,000`, a && b ? b / a : null, 5.5, (v) => `${v.toFixed(1)}×`);
	}
	const warm1k = get(1000, 'cliWarm');
	const warm50k = get(50000, 'cliWarm');
	check('spec-work status (warm cache, whole process): 50,000 files ≤ 1.3× 1,000', warm1k && warm50k ? warm50k / warm1k : null, 1.3, (v) => `${v.toFixed(2)}×`);
	const report50k = get(50000, 'cliReportWarm');
	const raw50k = get(50000, 'rawRead');
	check(
		'spec-work deliverables (warm cache, whole process) at 50,000 files ≤ 1.5× raw read',
		report50k !== null && raw50k ? report50k / raw50k : null,
		1.5,
		(v) => `${v.toFixed(2)}×`,
	);
	check('main.js minified < 250 KB', mainJsKb, 250, (v) => `${v.toFixed(1)} KB`);
	check('main.js compiled and evaluated < 10 ms', mainJsEvaluateMs, 10, (v) => `${v.toFixed(1)} ms`);
	const apply = migration?.figures.find((f) => f.key === 'apply') ?? null;
	check(
		`migration apply of ${migration ? migration.specs.toLocaleString('en') : '1,000'} old-layout specs ≤ 10× raw read`,
		apply?.ratio ?? null,
		10,
		(v) => `${v.toFixed(1)}× (${Math.round(apply?.ms ?? 0)} ms)`,
	);
	return out;
}

/**
 * What main.js costs Obsidian before onload: compiling and running the bundle's top level, in a
 * fresh context each run (no code cache), with a stand-in `obsidian` module whose every export is
 * an empty class, so the plugin's classes can extend them. Node's V8 is Electron's engine.
 */
function measureMainJs(path: string): { kb: number; evaluateMs: number; runs: number[] } | null {
	if (!existsSync(path)) return null;
	const source = readFileSync(path, 'utf8');
	const obsidian = new Proxy({}, { get: (_t, name) => (name === '__esModule' ? false : class {}) });
	const runs: number[] = [];
	for (let i = 0; i < 15; i++) {
		const module = { exports: {} as Record<string, unknown> };
		const context = vm.createContext({ module, exports: module.exports, require: () => obsidian, window: {}, console });
		const t0 = performance.now();
		new vm.Script(source, { filename: `main-${i}.js` }).runInContext(context);
		runs.push(performance.now() - t0);
		if (typeof module.exports.default !== 'function') throw new Error('main.js did not export the plugin class');
	}
	return { kb: statSync(path).size / 1024, evaluateMs: median(runs), runs: runs.map((x) => Math.round(x * 1000) / 1000) };
}

async function main(): Promise<void> {
	const { sizes, runs, migration: migrate } = args();
	const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
	mkdirSync(VAULTS, { recursive: true });
	const started = performance.now();
	const results: SizeResult[] = [];
	// The migration first: its peak memory is then its own, not what the big vaults left behind.
	const migration = migrate ? await measureMigration(runs) : null;
	for (const size of sizes) results.push(await measure(size, runs));
	const mainJs = measureMainJs(join(ROOT, 'main.js'));
	const mainJsKb = mainJs?.kb ?? null;
	const cpus = os.cpus();
	const machine = {
		cpu: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		memoryGb: Math.round(os.totalmem() / 1073741824),
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
		// Other work on the machine shows here: figures taken under load are slower and noisier.
		loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
	};
	const checks = targets(results, mainJsKb, mainJs?.evaluateMs ?? null, migration);
	const date = new Date().toISOString();
	writeFileSync(
		RESULTS,
		JSON.stringify(
			{ date, machine, mainJsKb, mainJsEvaluateMs: mainJs?.evaluateMs ?? null, mainJsEvaluateRuns: mainJs?.runs ?? [], sizes: results, migration, targets: checks },
			null,
			'\t',
		) + '\n',
	);
	console.log(`\nSpec Workflow benchmark, ${date.slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${loadAtStart[0]} (medians; warm page cache)\n`);
	console.log(table(results, mainJsKb));
	if (mainJs) console.log(`main.js compiled and evaluated (top level, fresh context): ${mainJs.evaluateMs.toFixed(1)} ms (median of ${mainJs.runs.length})`);
	if (migration) console.log(`\n${migrationTable(migration)}`);
	console.log('\nTargets:');
	for (const t of checks) console.log(`  ${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.what}: ${t.figure}`);
	console.log(`\nWrote ${RESULTS} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exitCode = 1;
});
