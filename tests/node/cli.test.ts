import { TempVault } from '../helpers/cli-process';

/** The spec-work CLI as a real process on temporary copies of the example vault. */
describe('spec-work on the example vault', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault();
	});
	afterEach(() => vault.cleanup());

	it('status 1014 reproduces the seed figures', () => {
		const r = vault.run(['status', '1014']);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('# Spec 1014: Cold Storage NAS Integration\n\n## Progress: 71% Complete (5/7 tasks)\n');
		expect(r.stdout).toContain('- Session 1: 2.5 hours (2025-08-26)\n- Session 2: 1.5 hours (2025-08-27)\n- Total: 4 hours\n');
		expect(r.stdout).toContain('### Last Commit: b2c3d4e - "Add performance benchmarking results"');
	});

	it('status --json keeps the documented shape', () => {
		const r = vault.run(['status', '1014', '--json']);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.stdout) as Record<string, unknown>;
		expect(json).toMatchObject({
			id: '1014',
			type: 'task',
			status: 'implementing',
			parent: { id: '1001', title: 'Storage Infrastructure' },
			progress: { done: 5, total: 7, percent: 71 },
			criteria: { met: 3, total: 4 },
			deliverables: { scripts: 4, docs: 2, config: 2 },
			totalMinutes: 240,
			lastCommit: { hash: 'b2c3d4e', message: 'Add performance benchmarking results' },
		});
		expect(Object.keys(json)).toEqual(expect.arrayContaining(['title', 'path', 'context', 'tasks', 'sessions', 'children']));
	});

	it('finds the vault from a sub-folder of it', () => {
		const r = vault.run(['status', '1014', '--json'], { cwd: `${vault.dir}/specs/1000` });
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toMatchObject({ id: '1014' });
	});

	it('plays a session: start, log, task, deliver, finish — and the journal reads back', () => {
		expect(vault.run(['start', '1014', '--title', 'Docs', '--plan', 'Write FAQ'], { now: '2025-08-28T10:00' }).code).toBe(0);
		expect(vault.run(['log', '1014', 'implementation', 'Drafted the FAQ'], { now: '2025-08-28T10:30' }).code).toBe(0);
		expect(vault.run(['log', '1014', 'commits', 'abc1234 Add FAQ']).code).toBe(0);
		expect(vault.run(['task', '1014', '6', 'done']).code).toBe(0);
		const deliver = vault.run(['deliver', '1014', '--type', 'docs', '--file', 'faq.md', '--title', 'FAQ', '--purpose', 'Answers', '--stdin'], {
			input: '# FAQ\n\nIs the NAS up? Run the health check.\n',
			now: '2025-08-28T11:00',
		});
		expect(deliver.code).toBe(0);
		const finish = vault.run(['finish', '1014', '--status', 'partial'], { now: '2025-08-28T12:30' });
		expect(finish.stdout).toContain('Session 3 partial after 2.5 hours');
		const files = vault.files();
		const context = files['specs/1000/1001/1014.context.md'];
		expect(context).toContain(
			'### Session 3: 2025-08-28 - Docs\n**Duration**: 2.5 hours  \n**Participants**: User, Claude  \n**Status**: partial  \n**Started**: 2025-08-28 10:00\n',
		);
		expect(context).toContain('#### Implementation\n- Drafted the FAQ\n- Created [[deliverables/docs/faq.md|FAQ]]\n');
		expect(context).toContain('#### Commits\n- `abc1234`: Add FAQ\n');
		expect(context).toContain('- [x] Documentation\n- [ ] Final validation\n- [ ] Write FAQ\n');
		expect(files['specs/1000/1001/deliverables/docs/faq.md']).toContain('# FAQ\n\nIs the NAS up? Run the health check.\n');
		const status = JSON.parse(vault.run(['status', '1014', '--json']).stdout) as { progress: unknown; deliverables: unknown };
		expect(status.progress).toMatchObject({ done: 6, total: 8, percent: 75 });
		expect(status.deliverables).toEqual({ scripts: 4, docs: 3, config: 2 });
	});
});

describe('spec-work refuses bad input and changes nothing', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault();
	});
	afterEach(() => vault.cleanup());

	const cases: [string, string[], number, RegExp][] = [
		['an unknown id', ['status', '9999'], 1, /^spec-work: No spec with id "9999" under specs\/\n$/],
		['an unsafe file name', ['deliver', '1014', '--type', 'scripts', '--file', '../../evil.sh'], 1, /Unsafe deliverable file name "\.\.\/\.\.\/evil\.sh"/],
		['no active session', ['log', '1014', 'testing', 'ran it'], 1, /^spec-work: Spec 1014 has no active session; start one with: spec-work start 1014\n$/],
		['an unknown verb', ['frobnicate'], 2, /unknown verb "frobnicate"/],
		['a missing argument', ['task', '1014', '6'], 2, /^spec-work task: missing <state>\nUsage: spec-work task /],
		['a bad state', ['task', '1014', '6', 'finished'], 2, /state must be one of pending, in-progress, done, blocked, cancelled/],
		['an unknown option', ['status', '1014', '--verbose'], 2, /unknown option --verbose/],
		['an existing deliverable', ['deliver', '1014', '--type', 'scripts', '--file', 'benchmark.sh'], 1, /benchmark\.sh/],
	];
	it.each(cases)('%s', (_what, args, code, message) => {
		const before = vault.files();
		const r = vault.run(args);
		expect(r.code).toBe(code);
		expect(r.stderr).toMatch(message);
		expect(r.stdout).toBe('');
		expect(vault.files()).toEqual(before);
	});

	it('start says when it reopens a completed spec, and the JSON gives the change', () => {
		const r = vault.run(['start', '1011'], { now: '2025-08-28T10:00' });
		expect(r.code).toBe(0);
		expect(r.stdout).toBe('Started session 2: 2025-08-28 - Implementation Session (spec 1011, specs/1000/1001/1011.context.md)\nSpec 1011: completed → implementing (reopened)\n');
		const again = vault.run(['start', '1014', '--json'], { now: '2025-08-28T10:00' });
		expect((JSON.parse(again.stdout) as { statusChange: unknown }).statusChange).toBeNull();
	});

	it('names the file and line of malformed YAML, and writes nothing', () => {
		const spec = 'specs/1000/1001/1014.spec.md';
		const broken = vault.files()[spec].replace('status: implementing', 'status: [implementing');
		vault.write({ [spec]: broken });
		const before = vault.files();
		const r = vault.run(['start', '1014']);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/^spec-work: specs\/1000\/1001\/1014\.spec\.md line \d+: /);
		expect(vault.files()).toEqual(before);
	});

	it('says when there is no specs folder', () => {
		const empty = new TempVault({ 'notes/a.md': '# A\n', '.obsidian/app.json': '{}' });
		try {
			const r = empty.run(['list']);
			expect(r.code).toBe(1);
			expect(r.stderr).toMatch(/^spec-work: No specs folder at .*specs \(set --specs-root or create it\)\n$/);
		} finally {
			empty.cleanup();
		}
	});
});

describe('spec-work on other layouts', () => {
	it('reads the E01/F01/T04 layout and seed-format files without frontmatter', () => {
		const vault = new TempVault({
			'.obsidian/app.json': '{"useMarkdownLinks": true}',
			'specs/E01/E01.spec.md': '---\nid: E01\ntype: epic\ntitle: Platform\n---\n# Platform\n',
			'specs/E01/F01/E01-F01.spec.md': "---\nid: E01-F01\ntype: feature\nparent: 'E01'\n---\n# Auth\n",
			'specs/E01/F01/T04/E01-F01-T04.spec.md': "---\nid: E01-F01-T04\ntype: task\nparent: 'E01-F01'\n---\n# Login form\n",
			'specs/E01/F01/T04/E01-F01-T04.context.md': '# Context: Login form\n\n**Status**: implementing\n\n## Plan\n- [x] Form\n- [ ] Validation\n',
		});
		try {
			const r = vault.run(['status', 'E01-F01-T04', '--json']);
			expect(r.code).toBe(0);
			expect(JSON.parse(r.stdout)).toMatchObject({ id: 'E01-F01-T04', parent: { id: 'E01-F01' }, progress: { done: 1, total: 2, percent: 50 } });
			expect(vault.run(['start', 'E01-F01-T04'], { now: '2025-09-01T09:00' }).code).toBe(0);
			// Markdown-link vault: the context's new links are markdown links.
			const deliver = vault.run(['deliver', 'E01-F01-T04', '--type', 'scripts', '--file', 'seed.sh']);
			expect(deliver.code).toBe(0);
			expect(vault.files()['specs/E01/F01/T04/deliverables/scripts/seed.sh']).toMatch(/^# Generated from: specs\/E01\/F01\/T04\/E01-F01-T04\.spec\.md\n/);
		} finally {
			vault.cleanup();
		}
	});
});

describe('spec-work help', () => {
	it('--help lists every verb on stdout; no verb at all is a usage error on stderr', () => {
		const vault = new TempVault({ 'specs/1000/epic.md': '# E\n' });
		try {
			const help = vault.run(['--help']);
			expect(help.code).toBe(0);
			for (const verb of ['start', 'resume', 'status', 'deliverables', 'log', 'task', 'deliver', 'finish', 'new', 'validate', 'list']) {
				expect(help.stdout).toMatch(new RegExp(`^  ${verb}( |$)`, 'm'));
			}
			const none = vault.run([]);
			expect(none.code).toBe(2);
			expect(none.stdout).toBe('');
			expect(none.stderr).toMatch(/^Usage: spec-work <verb>/);
		} finally {
			vault.cleanup();
		}
	});
});
