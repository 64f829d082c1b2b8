/**
 * `npm run bench`: generates vaults of about 1,000, 10,000 and 50,000 files in bench/vaults/ and
 * measures, in this one process, each operation against the floor of just reading every file.
 * Prints a table (medians) and writes bench/results.json. Options: `--sizes 1000,10000`,
 * `--runs N` (default 5, 3 at 50,000 files).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scanBacklinks } from '../src/core/workflow/backlinks';
import { deliverablesReport } from '../src/core/workflow/deliverables-report';
import { specStatus } from '../src/core/workflow/spec-status';
import { validate } from '../src/core/workflow/validate';
import { NodeWorkspace, openWorkspace } from '../src/node/open-workspace';
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
}

function args(): { sizes: number[]; runs: number | null } {
	const argv = process.argv.slice(2);
	const value = (name: string) => {
		const i = argv.indexOf(name);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const sizes = (value('--sizes') ?? '1000,10000,50000').split(',').map(Number).filter((n) => n > 0);
	const runs = value('--runs');
	return { sizes, runs: runs ? Number(runs) : null };
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

async function measure(size: number, runsOption: number | null): Promise<SizeResult> {
	const t0 = performance.now();
	const vault = generateVault(size);
	const dir = writeVault(size, vault);
	const bytes = [...vault.files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
	console.error(`\n${vault.files.size} files (${(bytes / 1048576).toFixed(1)} MB, ${vault.specs} specs) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${dir}`);
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
	const original = vault.files.get(taskPath) ?? '';
	let edit = 0;
	const updates: number[] = [];
	for (let r = 0; r < runs; r++) {
		const each = await timeRuns(21, () => {
			const text = original.replace(/^status: .*$/m, `status: ${edit++ % 2 ? 'completed' : 'implementing'}`);
			open.index.update(taskPath, text);
			if (open.index.get(vault.sampleTask)?.path !== taskPath) throw new Error('update lost the spec');
			open.index.parentOf(open.index.get(vault.sampleTask)!);
			return Promise.resolve();
		}, false);
		updates.push(median(each));
	}
	open.index.update(taskPath, original);
	add('update', 'incremental update of one spec + next lookup', updates);

	add('status', `status of one spec (feature ${vault.sampleFeature})`, await timeRuns(runs, () => specStatus(open, vault.sampleFeature)));
	add('report', `deliverables report (task ${vault.sampleTask}), backlinks scanned as the CLI does`, await timeRuns(runs, () => deliverablesReport(open, vault.sampleTask)));
	const backlinks = await scanBacklinks(open);
	add('reportKnown', 'deliverables report, backlinks already known (plugin)', await timeRuns(runs, () => deliverablesReport(open, vault.sampleTask, backlinks)));
	add('validate', 'validate the whole vault', await timeRuns(runs, () => validate(open)));

	const peak = memory.stop();
	const raw = figures[0].ms ?? 1;
	for (const f of figures) f.ratio = f.ms === null ? null : f.ms / raw;
	figures.push({ key: 'migration', label: 'migration dry run / apply (1,000 old-layout specs)', ms: null, runs: [], ratio: null, note: 'not built yet (issue 7)' });
	return { files: vault.files.size, bytes, specs: vault.specs, sampleFeature: vault.sampleFeature, sampleTask: vault.sampleTask, figures, peakRssMb: peak / 1048576, workspaceHeapMb };
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
	const head = ['Measure', ...results.map((r) => `${r.files.toLocaleString('en')} files`), ...results.map((r) => `ratio to raw read (${r.files.toLocaleString('en')})`)];
	const tenK = results.find((r) => r.files === 10000);
	const fiftyK = results.find((r) => r.files === 50000);
	if (tenK && fiftyK) head.push('50k ÷ 10k');
	const rows: string[][] = [];
	for (const [i, f] of results[0].figures.entries()) {
		const row = [f.label.replace(/\(feature \w+\)|\(task \w+\)/, '').replace(/\s+,/, ',').trim()];
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

function targets(results: SizeResult[], mainJsKb: number | null): Target[] {
	const get = (files: number, key: string) => results.find((r) => r.files === files)?.figures.find((f) => f.key === key)?.ms ?? null;
	const out: Target[] = [];
	const check = (what: string, value: number | null, limit: number, unit: (v: number) => string) =>
		out.push({ what, figure: value === null ? 'not measured' : unit(value), met: value === null ? null : value <= limit });
	const build = get(10000, 'indexBuild');
	const raw = get(10000, 'rawRead');
	check('index build at 10,000 files ≤ 2× raw read', build !== null && raw ? build / raw : null, 2, (v) => `${v.toFixed(2)}×`);
	check('incremental update at 10,000 files < 1 ms', get(10000, 'update'), 1, (v) => `${v.toFixed(3)} ms`);
	check('status of one spec at 10,000 files < 5 ms', get(10000, 'status'), 5, (v) => `${v.toFixed(2)} ms`);
	check('validate at 10,000 files < 1 s', get(10000, 'validate'), 1000, (v) => `${Math.round(v)} ms`);
	for (const key of ['rawRead', 'indexBuild', 'update', 'status', 'report', 'reportKnown', 'validate']) {
		const a = get(10000, key);
		const b = get(50000, key);
		const label = SHORT[key] ?? key;
		check(`${label}: 50,000 files ≤ about 5× 10,000`, a && b ? b / a : null, 5.5, (v) => `${v.toFixed(1)}×`);
	}
	check('main.js minified < 150 KB', mainJsKb, 150, (v) => `${v.toFixed(1)} KB`);
	out.push({ what: 'migration apply of 1,000 old-layout specs < 3 s', figure: 'not built yet (issue 7)', met: null });
	return out;
}

async function main(): Promise<void> {
	const { sizes, runs } = args();
	const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
	mkdirSync(VAULTS, { recursive: true });
	const started = performance.now();
	const results: SizeResult[] = [];
	for (const size of sizes) results.push(await measure(size, runs));
	const mainJs = join(ROOT, 'main.js');
	const mainJsKb = existsSync(mainJs) ? statSync(mainJs).size / 1024 : null;
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
	const checks = targets(results, mainJsKb);
	const date = new Date().toISOString();
	writeFileSync(RESULTS, JSON.stringify({ date, machine, mainJsKb, sizes: results, targets: checks }, null, '\t') + '\n');
	console.log(`\nSpec Workflow benchmark, ${date.slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${loadAtStart[0]} (medians; warm page cache)\n`);
	console.log(table(results, mainJsKb));
	console.log('\nTargets:');
	for (const t of checks) console.log(`  ${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.what}: ${t.figure}`);
	console.log(`\nWrote ${RESULTS} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exitCode = 1;
});
