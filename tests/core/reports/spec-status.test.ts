import { specStatus } from '../../../src/core/reports/spec-status';
import { formatStatus } from '../../../src/core/text/status-text';
import { join } from 'path';
import { readVaultFiles } from '../../helpers/vault-files';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { memoryWorkspace } from '../../helpers/workspace';

/** A small vault: an epic with one feature, its tasks, and whatever else a test adds. */
function vault(extra: Record<string, string> = {}): Record<string, string> {
	return {
		'specs/2000/epic.md': '---\ntype: epic\ntitle: Platform\nstatus: implementing\n---\n# Platform\n',
		'specs/2000/2001/spec.md': '---\ntype: feature\ntitle: Ingest\nstatus: implementing\n---\n# Ingest\n',
		'specs/2000/2001/2011.spec.md': '---\ntype: task\ntitle: Reader\nstatus: implementing\n---\n# Reader\n',
		'specs/2000/2001/2011.context.md': [
			'# Context: Reader',
			'',
			'## Plan',
			'- [x] Parse headers',
			'- [-] Support XML',
			'- [/] Parse rows',
			'- [!] Benchmark on the NAS',
			'- [ ] Document',
			'',
			'## Implementation Timeline',
			'',
			'### Session 1: 2025-09-01 - Parsing',
			'**Duration**: 45 minutes  ',
			'**Status**: completed  ',
			'**Started**: 2025-09-01 09:00',
			'',
			'#### Commits',
			'- `abc1234`: Parse headers',
			'',
			'### Session 2: 2025-09-02 - Rows',
			'**Duration**: In progress  ',
			'**Status**: active  ',
			'**Started**: 2025-09-02 13:15',
			'',
			'#### Implementation',
			'- Row parser started',
			'',
		].join('\n'),
		'specs/2000/2001/2012.spec.md':
			'---\ntype: task\ntitle: Writer\nstatus: planning\n---\n# Writer\n\n## Acceptance Criteria\n- [x] Writes CSV\n- [ ] Writes Parquet\n- [-] Writes XML\n',
		'specs/2000/2001/2012.context.md': '# Context: Writer\n\n## Plan\n1. ✅ Design\n2. ⏳ Build\n3. ⏳ Test\n',
		...extra,
	};
}

describe('specStatus on the example vault', () => {
	it('gives the JSON shape of the contract with the seed figures', async () => {
		const ws = await memoryWorkspace();
		const r = await specStatus(ws, '1014');
		expect(Object.keys(r)).toEqual(
			expect.arrayContaining([
				'id',
				'title',
				'type',
				'status',
				'path',
				'context',
				'parent',
				'progress',
				'tasks',
				'criteria',
				'deliverables',
				'sessions',
				'totalMinutes',
				'lastCommit',
				'children',
			]),
		);
		expect(r).toMatchObject({
			id: '1014',
			title: 'Cold Storage NAS Integration',
			type: 'task',
			status: 'implementing',
			path: 'specs/1000/1001/1014.spec.md',
			context: 'specs/1000/1001/1014.context.md',
			parent: { id: '1001', title: 'Storage Infrastructure' },
			progress: { done: 5, total: 7, percent: 71 },
			criteria: { met: 3, total: 4 },
			deliverables: { scripts: 4, docs: 2, config: 2 },
			totalMinutes: 240,
			lastCommit: { hash: 'b2c3d4e', message: 'Add performance benchmarking results' },
			children: [],
			activeSession: null,
		});
		expect(r.tasks).toEqual({
			completed: ['Network buffer optimization', 'NFS mount configuration', 'Directory structure creation', 'Health monitoring script', 'Performance benchmarking'],
			inProgress: ['Documentation'],
			blocked: [],
			pending: ['Final validation'],
			cancelled: [],
		});
		expect(r.sessions).toEqual([
			{ number: 1, date: '2025-08-26', title: 'Initial Planning and Network Setup', minutes: 150, status: 'completed', active: false },
			{ number: 2, date: '2025-08-27', title: 'Directory Structure and Benchmarking', minutes: 90, status: 'completed', active: false },
		]);
		// Plain data: what the CLI prints with --json survives a round trip unchanged.
		expect(JSON.parse(JSON.stringify(r))).toEqual(r);
	});

	it('rolls a feature and an epic up from their tasks', async () => {
		const ws = await memoryWorkspace();
		const feature = await specStatus(ws, '1001');
		expect(feature.progress).toEqual({ done: 10, total: 12, percent: 83, from: 'children' });
		expect(feature.children.map((c) => [c.id, c.status, c.progress.done, c.progress.total])).toEqual([
			['1011', 'completed', 5, 5],
			['1014', 'implementing', 5, 7],
		]);
		const epic = formatStatus(await specStatus(ws, '1000'));
		expect(epic).toContain('## Progress: 83% Complete (10/12 tasks, rolled up from children)\n');
		expect(epic).toContain('### Children:\n- 1001 - Storage Infrastructure [implementing] - 83% (10/12 tasks)\n');
		// No own plan: the epic shows its children's figures, not four empty task lists.
		expect(epic).not.toContain('### Completed:');
	});

	it('reads nothing into a spec that has no context yet, and changes no file', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const r = await specStatus(ws, '3001');
		expect(r.context).toBeNull();
		expect(r.progress).toEqual({ done: 0, total: 0, percent: 0, from: 'none' });
		expect(r.sessions).toEqual([]);
		expect(r.lastCommit).toBeNull();
		expect(r.criteria).toEqual({ met: 0, total: 3 });
		const text = formatStatus(r);
		expect(text).toContain('# Spec 3001: Market Data Collection\n\nNo context file yet: no plan or sessions recorded.\n\n## Progress: 0% Complete (0/0 tasks)\n');
		expect(text).toContain('### Time Spent:\n- No sessions yet\n');
		expect(text).toContain('### Last Commit: None\n');
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('names an unknown id', async () => {
		const ws = await memoryWorkspace();
		await expect(specStatus(ws, '7777')).rejects.toThrow(WorkflowError);
		await expect(specStatus(ws, '7777')).rejects.toThrow('No spec with id "7777" under specs/');
	});
});

describe('specStatus on other vaults', () => {
	it('counts an active session up to now and leaves cancelled tasks out of the progress', async () => {
		const ws = await memoryWorkspace(vault(), { now: '2025-09-02T14:05:00' });
		const r = await specStatus(ws, '2011');
		expect(r.progress).toEqual({ done: 1, total: 4, percent: 25, from: 'plan' });
		expect(r.tasks).toEqual({ completed: ['Parse headers'], inProgress: ['Parse rows'], blocked: ['Benchmark on the NAS'], pending: ['Document'], cancelled: ['Support XML'] });
		expect(r.sessions[1]).toEqual({ number: 2, date: '2025-09-02', title: 'Rows', minutes: 50, status: 'active', active: true });
		expect(r.totalMinutes).toBe(95);
		expect(r.activeSession).toBe(2);
		expect(formatStatus(r)).toBe(
			[
				'# Spec 2011: Reader',
				'',
				'## Progress: 25% Complete (1/4 tasks)',
				'',
				'### Completed:',
				'✅ Parse headers',
				'',
				'### In Progress:',
				'⏳ Parse rows',
				'',
				'### Pending:',
				'⏳ Document',
				'',
				'### Blocked:',
				'❌ Benchmark on the NAS',
				'',
				'### Cancelled:',
				'➖ Support XML',
				'',
				'### Deliverables Created:',
				'- None',
				'',
				'### Time Spent:',
				'- Session 1: 45 minutes (2025-09-01)',
				'- Session 2: 50 minutes so far (2025-09-02, active)',
				'- Total: 1.58 hours',
				'',
				'### Last Commit: abc1234 - "Parse headers"',
				'',
				'### Parent: 2001 - Ingest - 29% (2/7 tasks)',
				'',
				'### Children: None',
				'',
			].join('\n'),
		);
		// The clock moves: so does the active session's time; the closed one stays.
		ws.setNow('2025-09-02T15:15:00');
		const later = await specStatus(ws, '2011');
		expect(later.sessions.map((s) => s.minutes)).toEqual([45, 120]);
	});

	it('rolls the epic up from the feature, which rolls up from its tasks (seed emoji plans included)', async () => {
		const ws = await memoryWorkspace(vault());
		const epic = await specStatus(ws, '2000');
		// 2011: 1 of 4 (one cancelled), 2012: 1 of 3.
		expect(epic.progress).toEqual({ done: 2, total: 7, percent: 29, from: 'children' });
		expect(epic.children).toEqual([
			{ id: '2001', title: 'Ingest', status: 'implementing', statusRaw: 'implementing', progress: { done: 2, total: 7, percent: 29, from: 'children' } },
		]);
		const writer = await specStatus(ws, '2012');
		expect(writer.criteria).toEqual({ met: 1, total: 2 });
	});

	it('counts deliverables by type folder, custom ones included, and lists registered files that are gone', async () => {
		const files = vault({
			'specs/2000/2001/deliverables/data/sample.csv': 'a,b\n1,2\n',
			'specs/2000/2001/deliverables/scripts/run.sh': '#!/bin/sh\n# Generated from: [[../../2011.spec]]\necho hi\n',
		});
		files['specs/2000/2001/2011.context.md'] +=
			'\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/run.sh|Runner]] - Runs it\n- [[deliverables/scripts/gone.sh|Gone]] - Was here\n\n### Data\n- [[deliverables/data/sample.csv|Sample]]\n';
		const ws = await memoryWorkspace(files);
		const r = await specStatus(ws, '2011');
		expect(r.deliverables).toEqual({ scripts: 1, data: 1 });
		expect(r.missingDeliverables).toEqual(['specs/2000/2001/deliverables/scripts/gone.sh']);
		expect(formatStatus(r)).toContain(
			'### Deliverables Created:\n- 1 script in deliverables/scripts/\n- 1 data file in deliverables/data/\n- 1 registered but missing: specs/2000/2001/deliverables/scripts/gone.sh\n',
		);
	});

	it('reads a CRLF context the same as an LF one', async () => {
		const files = vault();
		files['specs/2000/2001/2011.context.md'] = files['specs/2000/2001/2011.context.md'].replace(/\n/g, '\r\n');
		const crlf = await specStatus(await memoryWorkspace(files, { now: '2025-09-02T14:05:00' }), '2011');
		const lf = await specStatus(await memoryWorkspace(vault(), { now: '2025-09-02T14:05:00' }), '2011');
		expect(crlf).toEqual(lf);
	});
});

/** Specs and journals written by hand: no frontmatter, checklists in the spec, free-form journals. */
const REAL_VAULT = join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'progress');

describe('specStatus on a hand-written vault', () => {
	const realVault = () => memoryWorkspace(readVaultFiles(REAL_VAULT));

	it('counts a leaf spec own task checklist, reads a journal dated by Date bullets and headings', async () => {
		const text = formatStatus(await specStatus(await realVault(), '1014'));
		expect(text).toBe(
			[
				'# Spec 1014: Feed Reader',
				'',
				'## Progress: 60% Complete (3/5 tasks, from checklist)',
				'',
				'### Completed:',
				'✅ Parse the header row',
				'✅ Parse quoted fields',
				'✅ Stream rows instead of loading the file',
				'',
				'### In Progress:',
				'⏳ None',
				'',
				'### Pending:',
				'⏳ Benchmark on the NAS',
				'⏳ Document the options',
				'',
				'### Blocked:',
				'❌ None',
				'',
				'### Acceptance Criteria: 1/2 met',
				'',
				'### Deliverables Created:',
				'- None',
				'',
				'### Time Spent:',
				'- Session 1: 2 hours (2025-08-18)',
				'- Session 2: 1.5 hours (2025-08-20)',
				'- Total: 3.5 hours',
				'',
				'### Last Commit: 4d5e6f7 - "Parse quoted fields"',
				'',
				'### Parent: 1001 - Ingest - 86% (12/14 tasks)',
				'',
				'### Children: None',
				'',
			].join('\n'),
		);
	});

	it('shows a completed spec checklist complete, beside its criteria, with the journal loose commits', async () => {
		const r = await specStatus(await realVault(), '1015');
		expect(r.progress).toEqual({ done: 8, total: 8, percent: 100, from: 'checklist' });
		expect(r.criteria).toEqual({ met: 8, total: 8 });
		expect(r.lastCommit).toEqual({ hash: '2c3d4e5', message: 'Rotate and compress files', from: 'journal' });
		const text = formatStatus(r);
		expect(text).toContain('## Progress: 100% Complete (8/8 tasks, from checklist)\n');
		expect(text).toContain('### Acceptance Criteria: 8/8 met\n');
		expect(text).toContain('### Last Commit: 2c3d4e5 - "Rotate and compress files"\n');
		expect(text).toContain('### Time Spent:\n- No sessions yet\n');
	});

	it('counts a completed spec without tasks as done, and takes its last commit from the commits property', async () => {
		const r = await specStatus(await realVault(), '1016');
		expect(r.progress).toEqual({ done: 1, total: 1, percent: 100, from: 'status' });
		expect(r.lastCommit).toEqual({ hash: '5e6f7a8', message: 'Schedule the nightly run', from: 'property' });
		const text = formatStatus(r);
		expect(text).toContain('## Progress: 100% Complete (1/1 tasks, from status)\n');
		// No empty task lists for a spec whose figure is its status.
		expect(text).not.toContain('### Completed:');
		expect(text).toContain('### Last Commit: 5e6f7a8 - "Schedule the nightly run"\n');
	});

	it('reads a checklist kept in the context and a session headed by its date', async () => {
		const r = await specStatus(await realVault(), '1002');
		expect(r.progress).toEqual({ done: 1, total: 3, percent: 33, from: 'checklist' });
		expect(r.tasks).toEqual({ completed: ['Choose the bucket layout'], inProgress: ['Lifecycle rules'], pending: ['Access policies'], blocked: [], cancelled: [] });
		expect(r.sessions).toEqual([{ number: 1, date: '2025-08-25', title: 'Bucket layout', minutes: 45, status: null, active: false }]);
	});

	it('rolls features and the epic up from checklists and completed specs', async () => {
		const ws = await realVault();
		const feature = await specStatus(ws, '1001');
		expect(feature.progress).toEqual({ done: 12, total: 14, percent: 86, from: 'children' });
		expect(feature.children.map((c) => [c.id, c.progress.from, c.progress.done, c.progress.total])).toEqual([
			['1014', 'checklist', 3, 5],
			['1015', 'checklist', 8, 8],
			['1016', 'status', 1, 1],
		]);
		const epic = formatStatus(await specStatus(ws, '1000'));
		expect(epic).toContain('## Progress: 76% Complete (13/17 tasks, rolled up from children)\n');
		expect(epic).toContain('- 1001 - Ingest [implementing] - 86% (12/14 tasks)\n');
	});

	it('prefers the latest session commit to the loose list and the property', async () => {
		const files = readVaultFiles(REAL_VAULT);
		files['specs/1000/1001/1016.context.md'] = '# Journal\n\n## Commits\n- `7a8b9c0` - Loose one\n\n### Session 1: 2025-08-21 - Run\n#### Commits\n- `6f7a8b9`: From the session\n';
		const r = await specStatus(await memoryWorkspace(files), '1016');
		expect(r.lastCommit).toEqual({ hash: '6f7a8b9', message: 'From the session', from: 'session' });
	});

	it('takes the latest dated item of the commits property, and a bare hash without a message', async () => {
		const files = readVaultFiles(REAL_VAULT);
		files['specs/1000/1001/1016.spec.md'] = '---\nstatus: done\ncommits:\n  - "2025-08-22 aaa1111: Later"\n  - "2025-08-20 bbb2222: Earlier"\n---\n# 1016 - Feed Scheduler\n';
		expect((await specStatus(await memoryWorkspace(files), '1016')).lastCommit).toEqual({ hash: 'aaa1111', message: 'Later', from: 'property' });
		files['specs/1000/1001/1016.spec.md'] = '---\nstatus: done\ncommits: ["08e4cc5", "c0ffee1"]\n---\n# 1016 - Feed Scheduler\n';
		const r = await specStatus(await memoryWorkspace(files), '1016');
		expect(r.lastCommit).toEqual({ hash: 'c0ffee1', message: '', from: 'property' });
		expect(formatStatus(r)).toContain('### Last Commit: c0ffee1\n');
	});
});
