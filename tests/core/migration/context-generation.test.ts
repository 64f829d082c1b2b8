import { applyContextPlan, generateContextFiles, planContextFiles } from '../../../src/core/migration/context-generation';
import { formatContextReport } from '../../../src/core/text/contexts-text';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { planMigration } from '../../../src/core/migration/migration-plan';
import { startSession } from '../../../src/core/workflow/start-session';
import { validate } from '../../../src/core/validate/validate';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

const F = 'specs/1000/1001';

/** The example vault with the two task journals deleted: 1014's and the completed 1011's. */
function exampleWithoutTaskContexts(): Record<string, string> {
	const files = readVaultFiles(EXAMPLE_VAULT);
	delete files[`${F}/1014.context.md`];
	delete files[`${F}/1011.context.md`];
	return files;
}

const SPEC_LINK_CODES = ['missing-context-link', 'missing-spec-link', 'mismatch', 'unregistered-deliverable', 'broken-link'];

describe('contexts on the example vault with some contexts deleted', () => {
	it('a dry run lists every spec without a context, in id order, and writes nothing', async () => {
		const files = exampleWithoutTaskContexts();
		const ws = await memoryWorkspace(files);
		const report = await generateContextFiles(ws);
		expect(ws.store.snapshot()).toEqual(files);
		expect(report.applied).toBe(false);
		expect(report.written).toEqual([]);
		expect(report.existing).toBe(2);
		expect(report.problems).toEqual([]);
		expect(report.contexts.map((c) => [c.id, c.contextPath, c.status, c.deliverables, c.linksSpec])).toEqual([
			['1011', `${F}/1011.context.md`, 'completed', 0, false],
			['1014', `${F}/1014.context.md`, 'implementing', 8, false],
			['3000', 'specs/3000/context.md', 'planning', 0, true],
			['3001', 'specs/3000/3001/context.md', 'planning', 0, true],
			['4000', 'specs/4000/context.md', 'planning', 0, true],
			['4005', 'specs/4000/4005/context.md', 'planning', 0, true],
			['9000', 'specs/9000/context.md', 'planning', 0, true],
			['9001', 'specs/9000/9001/context.md', 'planning', 0, true],
		]);
		expect(formatContextReport(report, { applyHint: 'run again with --apply to write them' }).split('\n').slice(0, 4)).toEqual([
			'Would create 8 context files (dry run; run again with --apply to write them):',
			`  ${F}/1011.context.md (1011 Hot Storage NVMe Setup, completed)`,
			`  ${F}/1014.context.md (1014 Cold Storage NAS Integration, implementing, 8 deliverables)`,
			'  specs/3000/context.md (3000 Market Data, planning; links specs/3000/epic.md to it)',
		]);
	});

	it('--apply creates them byte for byte: header lines, status, Summary from the Overview, Deliverables from the spec', async () => {
		const files = exampleWithoutTaskContexts();
		const ws = await memoryWorkspace(files);
		const report = await generateContextFiles(ws, { apply: true });
		const after = ws.store.snapshot();
		expect(report.applied).toBe(true);

		expect(after[`${F}/1014.context.md`]).toBe(
			[
				'---',
				'type: context',
				'spec: "[[1014.spec|1014 - Cold Storage NAS Integration]]"',
				'parent: "[[spec|1001 - Storage Infrastructure]]"',
				'status: implementing',
				'created: 2025-08-28 10:00',
				'updated: 2025-08-28 10:00',
				'---',
				'# Context: Cold Storage NAS Integration',
				'',
				'**Spec**: [[1014.spec|1014 - Cold Storage NAS Integration]]  ',
				'**Parent**: [[spec|1001 - Storage Infrastructure]]  ',
				'**Status**: implementing  ',
				'**Created**: 2025-08-28 10:00  ',
				'**Updated**: 2025-08-28 10:00',
				'',
				'## Summary',
				'Integrate the Synology NAS (28 TB usable, `192.168.1.101`) as the cold storage tier. The share',
				'`/storage` is already exported over NFS but mounted with default options, which gives about a third',
				'of the throughput the 10GbE link allows. This task tunes the client, mounts the share properly,',
				'lays out the directories other services expect, and adds the monitoring and documentation needed',
				'to run it unattended.',
				'',
				'## Implementation Timeline',
				'',
				'## Deliverables',
				'',
				'### Scripts',
				'- [[deliverables/scripts/optimize-network.sh|Network Optimization]]',
				'- [[deliverables/scripts/nas-health-check.sh|Health Monitoring]]',
				'- [[deliverables/scripts/directory-setup.sh|Directory Structure Creation]]',
				'- [[deliverables/scripts/benchmark.sh|Performance Benchmark]]',
				'',
				'### Documentation',
				'- [[deliverables/docs/nas-setup-guide.md|Setup Guide]]',
				'- [[deliverables/docs/troubleshooting.md|Troubleshooting Guide]]',
				'',
				'### Configuration Files',
				'- [[deliverables/config/fstab.nas|NFS Mount Configuration]]',
				'- [[deliverables/config/sysctl.nas.conf|Network Optimization Settings]]',
				'',
			].join('\n'),
		);

		// A completed spec gets a completed context; a Deliverables section of prose lists nothing.
		expect(after[`${F}/1011.context.md`]).toContain('status: completed\n');
		expect(after[`${F}/1011.context.md`]).toContain('**Status**: completed  \n');
		// Nothing to list: no Deliverables section either.
		expect(after[`${F}/1011.context.md`].endsWith('## Implementation Timeline\n')).toBe(true);

		// An epic's context has no parent line.
		expect(after['specs/3000/context.md']).toBe(
			[
				'---',
				'type: context',
				'spec: "[[epic|3000 - Market Data]]"',
				'status: planning',
				'created: 2025-08-28 10:00',
				'updated: 2025-08-28 10:00',
				'---',
				'# Context: Market Data',
				'',
				'**Spec**: [[epic|3000 - Market Data]]  ',
				'**Status**: planning  ',
				'**Created**: 2025-08-28 10:00  ',
				'**Updated**: 2025-08-28 10:00',
				'',
				'## Summary',
				'Collect, normalize and keep market data for every instrument we trade or research.',
				'',
				'## Implementation Timeline',
				'',
			].join('\n'),
		);

		// The spec gains the link to it, as a property and a header line (it keeps both), nothing else.
		expect(after['specs/3000/3001/spec.md']).toBe(
			files['specs/3000/3001/spec.md']
				.replace('  - market-data\n---\n', '  - market-data\ncontext: "[[context|Implementation Journal]]"\n---\n')
				.replace('**Updated**: 2025-08-27 11:30\n', '**Updated**: 2025-08-27 11:30  \n**Context**: [[context|Implementation Journal]]\n'),
		);
	});

	it('leaves existing contexts and every file it does not create or link byte for byte', async () => {
		const files = exampleWithoutTaskContexts();
		const ws = await memoryWorkspace(files);
		const report = await generateContextFiles(ws, { apply: true });
		const after = ws.store.snapshot();
		const created = report.contexts.map((c) => c.contextPath);
		const linked = report.contexts.filter((c) => c.linksSpec).map((c) => c.specPath);
		expect(report.written.sort()).toEqual([...created, ...linked].sort());
		for (const [path, text] of Object.entries(files)) {
			if (!linked.includes(path)) expect([path, after[path]]).toEqual([path, text]);
		}
		expect(Object.keys(after).sort()).toEqual([...Object.keys(files), ...created].sort());
		// 1014 and 1011 already named their (deleted) journal: their specs are not touched.
		expect(after[`${F}/1014.spec.md`]).toBe(files[`${F}/1014.spec.md`]);
		expect(after['specs/1000/context.md']).toBe(files['specs/1000/context.md']);
		expect(after[`${F}/context.md`]).toBe(files[`${F}/context.md`]);
	});

	it('validate finds no spec ↔ context problems afterwards, in the same workspace and a fresh one', async () => {
		const ws = await memoryWorkspace(exampleWithoutTaskContexts());
		const before = await validate(ws);
		expect(before.problems.filter((p) => p.code === 'broken-link').length).toBeGreaterThan(0);
		await generateContextFiles(ws, { apply: true });
		expect((await validate(ws)).problems).toEqual([]);
		const fresh = await memoryWorkspace(ws.store.snapshot());
		expect((await validate(fresh)).problems.filter((p) => SPEC_LINK_CODES.includes(p.code))).toEqual([]);
	});

	it('a second run has nothing to do and writes nothing', async () => {
		const ws = await memoryWorkspace(exampleWithoutTaskContexts());
		await generateContextFiles(ws, { apply: true });
		const once = ws.store.snapshot();
		const again = await generateContextFiles(ws, { apply: true });
		expect(again).toEqual({ contexts: [], problems: [], existing: 10, applied: false, written: [] });
		expect(ws.store.snapshot()).toEqual(once);
		expect(formatContextReport(again, { applyHint: '' })).toBe('Every spec has a context file (10 specs); nothing to do.');
	});

	it('start on a spec without a context creates the same file as contexts does', async () => {
		const viaContexts = await memoryWorkspace(exampleWithoutTaskContexts());
		await generateContextFiles(viaContexts, { apply: true });
		const viaStart = await memoryWorkspace(exampleWithoutTaskContexts());
		const r = await startSession(viaStart, { id: '1014', title: 'Docs' });
		expect(r.contextCreated).toBe(true);
		const started = viaStart.store.snapshot()[`${F}/1014.context.md`];
		const created = viaContexts.store.snapshot()[`${F}/1014.context.md`];
		// The same file up to the session start adds: the Deliverables registry is the spec's list in both.
		const registry = (text: string): string => text.slice(text.indexOf('## Deliverables'));
		expect(registry(started)).toBe(registry(created));
		expect(started.slice(0, started.indexOf('## Implementation Timeline'))).toBe(created.slice(0, created.indexOf('## Implementation Timeline')));
	});
});

describe('contexts on seed-format specs without frontmatter', () => {
	const EPIC = [
		'# Platform',
		'',
		'**Status**: in-progress',
		'**Created**: 2025-07-01 09:00',
		'',
		'## Overview',
		'The shared platform.',
		'',
		'Second paragraph, not in the summary.',
		'',
		'## Features',
		'- [[2001/spec|Auth]]',
		'',
	].join('\n');
	const FEATURE = [
		'# Auth',
		'',
		'**Parent**: [[../epic|2000 - Platform]]  ',
		'**Status**: done',
		'',
		'## Overview',
		'Single sign-on for every service.',
		'',
		'## Deliverables',
		'- [[deliverables/scripts/rotate-keys.sh|Key rotation]] - rotates signing keys',
		'- [x] [[deliverables/docs/sso.md|SSO guide]]',
		'- The runbook lives in the wiki',
		'',
	].join('\n');
	const files = {
		'specs/2000/epic.md': EPIC,
		'specs/2000/2001/spec.md': FEATURE,
		'specs/2000/2001/deliverables/scripts/rotate-keys.sh': '#!/bin/sh\n# Generated from: [[../../spec|2001 - Auth]]\n',
		'specs/2000/2001/deliverables/docs/sso.md': '---\nspec: "[[../../spec|2001 - Auth]]"\n---\n# SSO\n',
	};

	it('reads status, parent and overview from header lines; the spec gets a Context header line, no frontmatter', async () => {
		const ws = await memoryWorkspace(files);
		const report = await generateContextFiles(ws, { apply: true });
		expect(report.contexts.map((c) => [c.id, c.status, c.deliverables])).toEqual([
			['2000', 'implementing', 0],
			['2001', 'completed', 3],
		]);
		const after = ws.store.snapshot();
		expect(after['specs/2000/2001/context.md']).toBe(
			[
				// The spec keeps no properties, and neither does its journal.
				'# Context: Auth',
				'',
				'**Spec**: [[spec|2001 - Auth]]  ',
				'**Parent**: [[../epic|2000 - Platform]]  ',
				'**Status**: completed  ',
				'**Created**: 2025-08-28 10:00  ',
				'**Updated**: 2025-08-28 10:00',
				'',
				'## Summary',
				'Single sign-on for every service.',
				'',
				'## Implementation Timeline',
				'',
				'## Deliverables',
				'- The runbook lives in the wiki',
				'',
				'### Scripts',
				'- [[deliverables/scripts/rotate-keys.sh|Key rotation]] - rotates signing keys',
				'',
				'### Documentation',
				'- [[deliverables/docs/sso.md|SSO guide]]',
				'',
			].join('\n'),
		);
		// The epic's header lines have no hard breaks, and the line added keeps that look.
		expect(after['specs/2000/epic.md']).toBe(EPIC.replace('**Created**: 2025-07-01 09:00\n', '**Created**: 2025-07-01 09:00\n**Context**: [[context|Implementation Journal]]\n'));
		expect(after['specs/2000/epic.md']).not.toContain('---');
		expect(after['specs/2000/2001/spec.md']).toBe(FEATURE.replace('**Status**: done\n', '**Status**: done  \n**Context**: [[context|Implementation Journal]]\n'));
		expect(after['specs/2000/epic.md'].startsWith('# Platform')).toBe(true);
		const problems = (await validate(ws)).problems.filter((p) => SPEC_LINK_CODES.includes(p.code));
		expect(problems).toEqual([]);
	});
});

describe('contexts in a vault that uses markdown links', () => {
	const files = {
		'specs/3000/epic.md': '---\ntype: epic\ntitle: Data\nstatus: planning\n---\n# Data\n\n## Features\n- [Ingest](3001/spec.md)\n',
		'specs/3000/3001/spec.md': [
			'---',
			'type: feature',
			'title: Ingest',
			'status: implementing',
			'parent: "[Data](../epic.md)"',
			'---',
			'# Ingest',
			'',
			'**Parent**: [Data](../epic.md)',
			'',
			'## Overview',
			'Pulls the feeds.',
			'',
			'## Deliverables',
			'',
			'### Scripts',
			'- [Fetch all](deliverables/scripts/fetch%20all.sh) - downloads every feed',
			'',
			'### Configuration',
			'- [feeds.yaml](deliverables/config/feeds.yaml)',
			'',
		].join('\n'),
		'specs/3000/3001/deliverables/scripts/fetch all.sh': '#!/bin/sh\n# Generated from: [Ingest](../../spec.md)\n',
		'specs/3000/3001/deliverables/config/feeds.yaml': '# Generated from: [Ingest](../../spec.md)\n',
	};

	it('writes every link of the new files as a markdown link, spaces encoded', async () => {
		const ws = await memoryWorkspace(files, { linkStyle: 'markdown' });
		await generateContextFiles(ws, { apply: true });
		const after = ws.store.snapshot();
		expect(after['specs/3000/3001/context.md']).toBe(
			[
				'---',
				'type: context',
				'spec: "[3001 - Ingest](spec.md)"',
				'parent: "[3000 - Data](../epic.md)"',
				'status: implementing',
				'created: 2025-08-28 10:00',
				'updated: 2025-08-28 10:00',
				'---',
				'# Context: Ingest',
				'',
				'**Spec**: [3001 - Ingest](spec.md)  ',
				'**Parent**: [3000 - Data](../epic.md)  ',
				'**Status**: implementing  ',
				'**Created**: 2025-08-28 10:00  ',
				'**Updated**: 2025-08-28 10:00',
				'',
				'## Summary',
				'Pulls the feeds.',
				'',
				'## Implementation Timeline',
				'',
				'## Deliverables',
				'',
				'### Scripts',
				'- [Fetch all](deliverables/scripts/fetch%20all.sh) - downloads every feed',
				'',
				'### Configuration Files',
				'- [feeds.yaml](deliverables/config/feeds.yaml)',
				'',
			].join('\n'),
		);
		expect(after['specs/3000/3001/spec.md']).toBe(
			files['specs/3000/3001/spec.md']
				.replace('parent: "[Data](../epic.md)"\n---', 'parent: "[Data](../epic.md)"\ncontext: "[Implementation Journal](context.md)"\n---')
				.replace('**Parent**: [Data](../epic.md)\n', '**Parent**: [Data](../epic.md)  \n**Context**: [Implementation Journal](context.md)\n'),
		);
		expect((await validate(ws)).problems.filter((p) => SPEC_LINK_CODES.includes(p.code))).toEqual([]);
	});
});

describe('a task whose Deliverables point into its feature folder', () => {
	const FEATURE = 'specs/5000/5001';
	const TASK = [
		'---',
		'type: task',
		'title: Loader',
		'status: implementing',
		'---',
		'# Loader',
		'',
		'## Overview',
		'Loads the data.',
		'',
		'## Deliverables',
		'',
		'### Documentation',
		'- [[specs/5000/5001/deliverables/docs/loader.md|Loader guide]]',
		'- [[../5001/deliverables/scripts/load.sh#usage|Loader usage]] - how to run it',
		'',
		'### Scripts',
		'- [[deliverables/scripts/load.sh|Loader]]',
		'- [[deliverables/scripts/missing.sh|Not written yet]]',
		'',
		'### Data Sets',
		'- [[deliverables/data/sample.csv|Sample]]',
		'- [[reference.csv|Reference data]]',
		'',
		'### Code Changes',
		'- `src/loader.ts` - the loader',
		'',
	].join('\n');
	const files = {
		'specs/5000/epic.md': '---\ntype: epic\ntitle: Data\n---\n# Data\n',
		[`${FEATURE}/spec.md`]: '---\ntype: feature\ntitle: Store\nparent: "[[../epic|5000 - Data]]"\n---\n# Store\n\n## Tasks\n- [[5011.spec|5011 - Loader]]\n',
		[`${FEATURE}/context.md`]: '---\ntype: context\nspec: "[[spec|5001 - Store]]"\n---\n# Context: Store\n',
		[`${FEATURE}/5011.spec.md`]: TASK,
		[`${FEATURE}/deliverables/docs/loader.md`]: '# Loader\n',
		[`${FEATURE}/deliverables/scripts/load.sh`]: '#!/bin/sh\n',
		[`${FEATURE}/deliverables/data/sample.csv`]: 'a,b\n',
		[`${FEATURE}/reference.csv`]: 'x\n',
	};

	it('re-expresses each link from the context, groups by the target folder, keeps headings, aliases and purposes', async () => {
		const ws = await memoryWorkspace(files);
		const plan = await planContextFiles(ws);
		expect(plan.contexts.map((c) => c.contextPath)).toEqual(['specs/5000/context.md', `${FEATURE}/5011.context.md`]);
		await applyContextPlan(ws, plan);
		const context = ws.store.snapshot()[`${FEATURE}/5011.context.md`];
		const registry = context.slice(context.indexOf('## Deliverables'));
		expect(registry).toBe(
			[
				'## Deliverables',
				'',
				'### Scripts',
				// The documentation group's link into scripts/ goes under Scripts; the same file twice is listed once.
				'- [[deliverables/scripts/load.sh#usage|Loader usage]] - how to run it',
				'- [[deliverables/scripts/missing.sh|Not written yet]]',
				'',
				'### Documentation',
				'- [[deliverables/docs/loader.md|Loader guide]]',
				'',
				'### Data',
				'- [[deliverables/data/sample.csv|Sample]]',
				'',
				'### Data Sets',
				'- [[reference.csv|Reference data]]',
				'',
				'### Code Changes',
				'- `src/loader.ts` - the loader',
				'',
			].join('\n'),
		);
		expect(context).toContain('**Parent**: [[spec|5001 - Store]]  \n');
		// The feature's existing context is not touched.
		expect(ws.store.snapshot()[`${FEATURE}/context.md`]).toBe(files[`${FEATURE}/context.md`]);
	});
});

describe('specs contexts cannot be made for', () => {
	const files = {
		'specs/6000/epic.md': '---\ntype: epic\ntitle: Ops\n---\n# Ops\n',
		'specs/6000/6001/spec.md': '---\ntype: feature\ntitle: Broken\ntags: [a\n---\n# Broken\n',
		'specs/6000/6002/spec.md': '---\ntype: feature\ntitle: Elsewhere\ncontext: "[[journal/6002-notes|Journal]]"\n---\n# Elsewhere\n',
		'specs/6000/6003/spec.md': '---\ntype: feature\ntitle: Twin A\n---\n# Twin A\n',
		'specs/6000/6003/epic.md': '---\ntype: epic\ntitle: Twin B\nid: "6033"\n---\n# Twin B\n',
		'specs/6000/6004/spec.md': '---\ntype: feature\ntitle: Fine\n---\n# Fine\n',
	};

	it('a property only ignored for its type (`created: {{date}}`) blocks nothing', async () => {
		const ws = await memoryWorkspace({
			'specs/6000/epic.md': '---\ntype: epic\ntitle: Ops\ncreated: {{date}}\n---\n# Ops\n',
		});
		const report = await generateContextFiles(ws, { apply: true });
		expect([report.contexts.map((c) => c.contextPath), report.problems]).toEqual([['specs/6000/context.md'], []]);
	});

	it('are listed with the reason and left alone; the others are still created', async () => {
		const ws = await memoryWorkspace(files);
		const report = await generateContextFiles(ws, { apply: true });
		expect(report.contexts.map((c) => c.contextPath)).toEqual(['specs/6000/context.md', 'specs/6000/6004/context.md']);
		expect(report.problems.map((p) => p.path)).toEqual(['specs/6000/6001/spec.md', 'specs/6000/6002/spec.md', 'specs/6000/6003/epic.md', 'specs/6000/6003/spec.md']);
		expect(report.problems[0].message).toMatch(/^specs\/6000\/6001\/spec\.md line \d+: .*; mend its YAML, then run again$/);
		expect(report.problems[1].message).toBe(
			'specs/6000/6002/spec.md: its context link [[journal/6002-notes|Journal]] points to a file that does not exist; create that file, or remove the link to get specs/6000/6002/context.md',
		);
		expect(report.problems[2].message).toBe(
			'specs/6000/6003/epic.md: its context file specs/6000/6003/context.md would also be the context of specs/6000/6003/spec.md; give one of them a context link of its own, then run again',
		);
		const after = ws.store.snapshot();
		for (const path of ['specs/6000/6001/spec.md', 'specs/6000/6002/spec.md', 'specs/6000/6003/spec.md', 'specs/6000/6003/epic.md'])
			expect(after[path]).toBe(files[path as keyof typeof files]);
		expect(
			Object.keys(after)
				.filter((p) => p.includes('context'))
				.sort(),
		).toEqual(['specs/6000/6004/context.md', 'specs/6000/context.md']);
	});

	it('lists them when nothing else is to be created', async () => {
		const ws = await memoryWorkspace({ 'specs/6000/epic.md': files['specs/6000/6001/spec.md'].replace('feature', 'epic') });
		const report = await generateContextFiles(ws, { apply: true });
		expect(report.applied).toBe(false);
		expect(formatContextReport(report, { applyHint: '' }).split('\n').slice(0, 2)).toEqual(['No context file to create.', 'Skipped 1 spec:']);
	});
});

describe('a spec whose history sits in a journal kept apart', () => {
	const SESSION = 'specs/context/2025-08-20-hot-storage-session.md';
	const files = (): Record<string, string> => ({
		...exampleWithoutTaskContexts(),
		// Names 1011 only in its text, by the old layout's id and path.
		[SESSION]:
			'# Hot Storage Session - 2025-08-20\n\n**ID**: 1011-hot-storage-nvme\n**Spec File**: specs/1000-epic-foundation/1001-feature-storage/1011-task-hot-storage-nvme.spec.md\n\n## Work\n- Partitioned the drives\n',
		// At the vault root, dated, naming 1014 in a bullet.
		'plan/2025-08-19-cold-storage-plan.md': '# Cold storage plan\n\n- **Spec**: [[1014.spec|Cold storage]]\n',
		// Names two specs: not a history of either.
		'specs/plan/2025-08-26-roadmap.md': '# Roadmap\n\n**Spec**: [[3001/spec]]\n**Spec**: [[4005/spec]]\n',
	});

	it('gets no empty context: the journal is reported instead, and migrating makes it the context', async () => {
		const ws = await memoryWorkspace(files());
		const report = await generateContextFiles(ws, { apply: true });
		expect(report.contexts.map((c) => c.id)).toEqual(['3000', '3001', '4000', '4005', '9000', '9001']);
		expect(report.problems).toEqual([
			{
				path: `${F}/1011.spec.md`,
				message: `${F}/1011.spec.md: its history is in ${SESSION}, a journal that names it; no empty context made. Migrate to make that journal its context (spec-work migrate)`,
			},
			{
				path: `${F}/1014.spec.md`,
				message: `${F}/1014.spec.md: its history is in plan/2025-08-19-cold-storage-plan.md, a journal that names it; no empty context made. Migrate to make that journal its context (spec-work migrate)`,
			},
		]);
		expect(await ws.store.exists(`${F}/1011.context.md`)).toBe(false);
		const plan = planMigration(await readMigrationInput(ws.store, 'specs'));
		expect(plan.moves).toEqual([
			{ from: 'plan/2025-08-19-cold-storage-plan.md', to: `${F}/1014.context.md`, reason: 'journal' },
			{ from: SESSION, to: `${F}/1011.context.md`, reason: 'journal' },
		]);
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
	});
});

describe('applying a plan', () => {
	it('refuses, writing nothing, when a spec it links changed since planning', async () => {
		const ws = await memoryWorkspace(exampleWithoutTaskContexts());
		const plan = await planContextFiles(ws);
		await ws.store.process('specs/9000/epic.md', (t) => t + '\nEdited meanwhile.\n');
		const before = ws.store.snapshot();
		const error = await applyContextPlan(ws, plan).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WorkflowError);
		expect((error as WorkflowError).message).toBe('specs/9000/epic.md changed since the plan was made; nothing was written (run it again)');
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('refuses, writing nothing, when a context it would create appeared since planning', async () => {
		const ws = await memoryWorkspace(exampleWithoutTaskContexts());
		const plan = await planContextFiles(ws);
		await ws.store.create('specs/9000/9001/context.md', '# Mine\n');
		const before = ws.store.snapshot();
		await expect(applyContextPlan(ws, plan)).rejects.toThrow('specs/9000/9001/context.md was created since the plan was made; nothing was written (run it again)');
		expect(ws.store.snapshot()).toEqual(before);
	});
});

describe('a spec with CRLF line ends', () => {
	it('gives an LF context without stray carriage returns, and the spec keeps its CRLF', async () => {
		const spec = [
			'# A',
			'',
			'**Status**: planning',
			'',
			'## Overview',
			'Over.',
			'',
			'## Deliverables',
			'### Scripts',
			'- [[deliverables/scripts/a.sh|A]] - does a',
			'- plain text',
			'',
		].join('\r\n');
		const ws = await memoryWorkspace({ 'specs/1/epic.md': spec, 'specs/1/deliverables/scripts/a.sh': '#!/bin/sh\n' });
		await generateContextFiles(ws, { apply: true });
		const after = ws.store.snapshot();
		expect(after['specs/1/context.md']).not.toContain('\r');
		expect(after['specs/1/context.md']).toContain('## Summary\nOver.\n\n## Implementation Timeline\n');
		expect(after['specs/1/context.md']).toContain('## Deliverables\n\n### Scripts\n- [[deliverables/scripts/a.sh|A]] - does a\n- plain text\n');
		expect(after['specs/1/epic.md']).toBe(spec.replace('**Status**: planning\r\n', '**Status**: planning  \r\n**Context**: [[context|Implementation Journal]]\r\n'));
	});
});
