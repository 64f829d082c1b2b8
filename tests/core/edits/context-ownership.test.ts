import { join } from 'path';
import { addDeliverable } from '../../../src/core/workflow/add-deliverable';
import { logEntry } from '../../../src/core/workflow/log-entry';
import { resumeBrief } from '../../../src/core/reports/resume';
import { specStatus } from '../../../src/core/reports/spec-status';
import { formatResumeBrief } from '../../../src/core/text/resume-text';
import { formatStatus } from '../../../src/core/text/status-text';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { startSession } from '../../../src/core/workflow/start-session';
import { validate } from '../../../src/core/validate/validate';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { expectRefused } from '../workflow/session-fixtures';

/** Features that name `context.md` by bare name, one pointing at another's journal, backups beside. */
const VAULT = readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'shared-context'));

function changedPaths(before: Record<string, string>, after: Record<string, string>): string[] {
	const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...paths].filter((p) => before[p] !== after[p]).sort();
}

describe('a spec writes only into its own journal', () => {
	it('reads a bare `context.md` as the file beside the spec, not the nearest one elsewhere', async () => {
		const ws = await memoryWorkspace(VAULT);
		const path = (id: string) => ws.index.contextPathOf(ws.index.get(id)!);
		expect(path('1001')).toBe('specs/1000/1001/context.md');
		expect(path('1002')).toBe('specs/1000/1002/context.md');
		expect(path('1003')).toBe('specs/1000/1003/context.md');
		expect(path('1004')).toBe('specs/1000/1004/context.md');
		expect(ws.index.hasContext(ws.index.get('1003')!)).toBe(false);
		expect(ws.index.specForPath('specs/1000/1002/context.md')?.id).toBe('1002');
	});

	it('starts 1003 in a new journal beside it, touching no other spec’s files', async () => {
		const ws = await memoryWorkspace(VAULT);
		const before = ws.store.snapshot();
		const result = await startSession(ws, { id: '1003', title: 'Backbone' });
		expect(result.contextPath).toBe('specs/1000/1003/context.md');
		expect(changedPaths(before, ws.store.snapshot()).every((p) => p.startsWith('specs/1000/1003/'))).toBe(true);
		expect(ws.store.snapshot()['specs/1000/1003/context.md']).toMatch(/\n# Context: Networking\n/);
	});

	it('logs to 1001 and adds its deliverable without touching a sibling’s or the epic’s journal', async () => {
		const ws = await memoryWorkspace(VAULT);
		await startSession(ws, { id: '1004' });
		await startSession(ws, { id: '1001' });
		const before = ws.store.snapshot();
		await logEntry(ws, { id: '1001', section: 'implementation', text: 'Measured the NAS' });
		await addDeliverable(ws, { id: '1001', type: 'scripts', file: 'probe.sh', title: 'Probe', purpose: 'Checks the mounts', content: 'echo ok\n' });
		const changed = changedPaths(before, ws.store.snapshot());
		expect(changed).toEqual(['specs/1000/1001/context.md', 'specs/1000/1001/deliverables/scripts/probe.sh', 'specs/1000/1001/spec.md']);
	});

	it('refuses to start 1005 in 1002’s journal, naming both files, and writes nothing', async () => {
		const ws = await memoryWorkspace(VAULT);
		await expectRefused(
			ws,
			() => startSession(ws, { id: '1005' }),
			'context-of-other-spec',
			'specs/1000/1002/context.md is the journal of 1002 (specs/1000/1002/spec.md), not of 1005 (specs/1000/1005/spec.md); give 1005 a journal of its own: point its context property or Context line at a file beside it, or remove it',
		);
	});

	it('refuses a journal the property points at when it names no spec, and accepts it once it links back', async () => {
		const files = {
			...VAULT,
			'specs/1000/1005/spec.md': VAULT['specs/1000/1005/spec.md'].replace('[[../1002/context|Journal]]', '[[notes/journal|Journal]]'),
			'specs/1000/1005/notes/journal.md': '# Secrets journal\n\nLoose notes.\n',
		};
		const ws = await memoryWorkspace(files);
		await expectRefused(
			ws,
			() => startSession(ws, { id: '1005' }),
			'context-of-other-spec',
			"specs/1000/1005/notes/journal.md does not name 1005 (specs/1000/1005/spec.md) in a Spec line or link to it; if it is 1005's journal, add a Spec line linking to specs/1000/1005/spec.md",
		);
		const linked = await memoryWorkspace({ ...files, 'specs/1000/1005/notes/journal.md': '# Secrets journal\n\n**Spec**: [[../spec|1005 - Secrets]]\n' });
		expect((await startSession(linked, { id: '1005' })).contextPath).toBe('specs/1000/1005/notes/journal.md');
	});

	it('leaves backup copies out of discovery: no duplicate id, no write into them', async () => {
		const ws = await memoryWorkspace(VAULT);
		expect(ws.index.lookup('1003').map((s) => s.path)).toEqual(['specs/1000/1003/spec.md']);
		expect(ws.index.all().map((s) => s.id)).toEqual(['1000', '1001', '1002', '1003', '1004', '1005']);
		const before = ws.store.snapshot();
		await startSession(ws, { id: '1003' });
		for (const path of Object.keys(before)) if (/backup/.test(path)) expect(ws.store.snapshot()[path]).toBe(before[path]);
	});

	it('finds backups again when the ignore list is emptied', async () => {
		const ws = await memoryWorkspace(VAULT, { ignore: [] });
		expect(ws.index.lookup('1003').length).toBe(2);
	});

	it('validate reports the shared journal once, and --fix writes nothing across specs', async () => {
		const ws = await memoryWorkspace(VAULT);
		const result = await validate(ws);
		expect(result.problems.filter((p) => p.code === 'context-of-other-spec').map((p) => [p.severity, p.path])).toEqual([['error', 'specs/1000/1005/spec.md']]);
		expect(result.problems.filter((p) => p.code === 'duplicate-id')).toEqual([]);
		// The backup's own broken links are not the vault's problems: ignored folders are not checked.
		expect(result.problems.filter((p) => p.path.includes('backup'))).toEqual([]);
		const before = ws.store.snapshot();
		const fixed = await validate(ws, { fix: true });
		for (const path of fixed.written) expect(path.startsWith('specs/1000/1002/')).toBe(false);
		expect(ws.store.snapshot()['specs/1000/1002/context.md']).toBe(before['specs/1000/1002/context.md']);
	});
});

describe('context references in the shapes owners write', () => {
	const spec = (context: string) => `---\ntype: task\ncontext: "${context}"\n---\n# 1011 - Hot tier\n`;
	it.each([
		['1011.context.md', 'specs/1000/1001/1011.context.md'],
		['[[1011.context]]', 'specs/1000/1001/1011.context.md'],
		['specs/1000/1001/1011.context.md', 'specs/1000/1001/1011.context.md'],
		['./journal.context.md', 'specs/1000/1001/journal.context.md'],
		['specs/elsewhere/1011.context.md', 'specs/1000/1001/1011.context.md'],
		['../../other/notes.md', 'specs/1000/1001/1011.context.md'],
	])('a missing %s is the journal %s', async (ref, expected) => {
		const ws = await memoryWorkspace({ 'specs/1000/1001/1011.md': spec(ref), 'specs/1000/context.md': '# Context: Epic\n' });
		expect(ws.index.contextPathOf(ws.index.get('1011')!)).toBe(expected);
	});

	it('an existing one is found from the spec’s folder, from the vault root, or by a relative link', async () => {
		const files = { 'specs/1000/1001/1011.md': spec('[[../journals/hot|Journal]]'), 'specs/1000/journals/hot.md': '**Spec**: [[1001/1011]]\n' };
		const ws = await memoryWorkspace(files);
		expect(ws.index.contextPathOf(ws.index.get('1011')!)).toBe('specs/1000/journals/hot.md');
		const rooted = await memoryWorkspace({ ...files, 'specs/1000/1001/1011.md': spec('specs/1000/journals/hot.md') });
		expect(rooted.index.contextPathOf(rooted.index.get('1011')!)).toBe('specs/1000/journals/hot.md');
	});
});

describe('views never show another spec’s journal as the spec’s own', () => {
	it('status and resume of 1005 say its context property points at 1002’s journal, and show none of its sessions', async () => {
		const ws = await memoryWorkspace(VAULT);
		const why =
			'specs/1000/1002/context.md is the journal of 1002 (specs/1000/1002/spec.md), not of 1005 (specs/1000/1005/spec.md); give 1005 a journal of its own: point its context property or Context line at a file beside it, or remove it';
		const status = await specStatus(ws, '1005');
		expect([status.context, status.foreignContext, status.sessions]).toEqual([null, why, []]);
		expect(formatStatus(status)).toContain(`\nNot read: ${why}\n`);
		const brief = await resumeBrief(ws, '1005');
		expect([brief.context, brief.sessions]).toEqual([null, []]);
		expect(formatResumeBrief(brief)).toContain(`\nNot read: ${why}\n`);
		expect(formatResumeBrief(brief)).not.toContain('Runner images');
	});
});

describe('copies a file manager makes', () => {
	it.each(['E01 copy', 'E01-copy', 'Copy of E01', 'E01 - backup'])('leaves a folder named "%s" out', async (folder) => {
		const ws = await memoryWorkspace({ 'specs/E01/epic.md': '# E01: Tools\n', [`specs/${folder}/epic.md`]: '---\nid: E01\n---\n# E01: Tools\n' });
		expect(ws.index.lookup('E01').map((s) => s.path)).toEqual(['specs/E01/epic.md']);
	});
});

describe('validate --fix and duplicate ids', () => {
	it('repairs nothing in the files of specs that share an id, and still repairs the rest', async () => {
		const tree = (root: string) => ({
			[`specs/${root}/epic.md`]: '---\nid: E01\n---\n# E01: Tools\n',
			[`specs/${root}/F01/spec.md`]: '# E01-F01: Storage\n',
			[`specs/${root}/F01/E01-F01-T01.spec.md`]: '# E01-F01-T01: Hot tier\n',
		});
		const files = { ...tree('E01'), ...tree('E01-old'), 'specs/E02/epic.md': '# E02: Feeds\n', 'specs/E02/F01/spec.md': '# E02-F01: Quotes\n' };
		const ws = await memoryWorkspace(files);
		const before = ws.store.snapshot();
		const result = await validate(ws, { fix: true });
		expect(result.problems.filter((p) => p.code === 'duplicate-id').length).toBeGreaterThan(0);
		expect(changedPaths(before, ws.store.snapshot())).toEqual(['specs/E02/epic.md']);
		expect(result.written).toEqual(['specs/E02/epic.md']);
	});
});

describe('a task whose context_file names its feature’s journal, not written yet', () => {
	const files = {
		'specs/1000/epic.md': '---\ntype: epic\n---\n# 1000 - E\n',
		'specs/1000/1002/spec.md': '---\ntype: feature\nstatus: planning\n---\n# 1002 - Backup Automation\n',
		'specs/1000/1002/1023.md': '---\ntype: task\nstatus: planning\ncontext_file: "context.md"\n---\n# Verify backups\n',
	};

	it('starts in the task’s own journal, never the feature’s, which stays the feature’s', async () => {
		const ws = await memoryWorkspace(files);
		const result = await startSession(ws, { id: '1023', title: 'V', plan: ['Restore test'] });
		expect(result.contextPath).toBe('specs/1000/1002/1023.context.md');
		expect(ws.store.snapshot()['specs/1000/1002/context.md']).toBeUndefined();
		const feature = await specStatus(ws, '1002');
		// The feature has no journal; its figures are its task's, rolled up.
		expect([feature.context, feature.sessions, feature.progress]).toEqual([null, [], { done: 0, total: 1, percent: 0, from: 'children' }]);
		expect((await specStatus(ws, '1023')).tasks.pending).toEqual(['Restore test']);
	});
});

describe('a deliverables item that names a missing path', () => {
	it('stays missing when a backup copy at the vault root has a file of that name', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/1001/spec.md': '---\ntype: feature\ndeliverables: [deliverables/config/missing.conf, guide.md]\n---\n# 1001 - Storage\n',
			'specs/1000/1001/deliverables/docs/guide.md': '# Guide\n',
			'specs_backup/1000/1001/deliverables/config/missing.conf': 'x=1\n',
		});
		const spec = ws.index.get('1001')!;
		expect(ws.index.resolveFileRef('deliverables/config/missing.conf', spec.path)).toBeNull();
		expect(ws.index.registeredDeliverables(spec)).toEqual(['specs/1000/1001/deliverables/docs/guide.md']);
	});
});

describe('a context property pointing into an ignored folder', () => {
	it('is never written, though the archived journal links back to the spec', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/1001/1015.spec.md': '---\ncontext: "[[../../archive/1015.context]]"\n---\n# 1015 - Tape\n',
			'specs/archive/1015.context.md': '# Context: Tape\n\n**Spec**: [[1000/1001/1015.spec]]\n',
		});
		await expectRefused(
			ws,
			() => startSession(ws, { id: '1015' }),
			'context-of-other-spec',
			'specs/archive/1015.context.md is in a folder left out of discovery (a backup or archive copy), not of 1015 (specs/1000/1001/1015.spec.md); give 1015 a journal of its own: point its context property or Context line at a file beside it, or remove it',
		);
	});
});

describe('a context property pointing into a backup copy outside the specs folder', () => {
	it('is refused naming the copy’s spec its Spec line names, never advising a Spec line for the live spec', async () => {
		const ws = await memoryWorkspace({
			'specs/E01/F01/T04/E01-F01-T04.spec.md': '---\ntype: task\ncontext: specs_backup/E01/F01/T04/E01-F01-T04.context.md\n---\n# E01-F01-T04 - Parse CSV headers\n',
			'specs_backup/E01/F01/T04/E01-F01-T04.spec.md': '---\ntype: task\n---\n# E01-F01-T04 - Parse CSV headers\n',
			'specs_backup/E01/F01/T04/E01-F01-T04.context.md': '# Context: Parse CSV headers\n\n**Spec**: [[E01-F01-T04.spec|E01-F01-T04]]  \n',
		});
		await expectRefused(
			ws,
			() => startSession(ws, { id: 'E01-F01-T04' }),
			'context-of-other-spec',
			'specs_backup/E01/F01/T04/E01-F01-T04.context.md is the journal of specs_backup/E01/F01/T04/E01-F01-T04.spec.md (its Spec line: [[E01-F01-T04.spec|E01-F01-T04]]), not of E01-F01-T04 (specs/E01/F01/T04/E01-F01-T04.spec.md); give E01-F01-T04 a journal of its own: point its context property or Context line at a file beside it, or remove it',
		);
	});
});

describe('a spec whose context property names another spec’s journal keeps its own checklist', () => {
	it('ticks the item in the spec file, and resume says to give it a journal first', async () => {
		const files = {
			...VAULT,
			'specs/1000/1005/spec.md': VAULT['specs/1000/1005/spec.md'] + '\n## Tasks\n- [ ] Rotate keys\n- [ ] Audit access\n',
		};
		const ws = await memoryWorkspace(files);
		const before = ws.store.snapshot();
		const result = await setTaskState(ws, { id: '1005', task: '2', state: 'done' });
		expect(result.written).toEqual(['specs/1000/1005/spec.md']);
		// A task done is work begun: the spec, planning until then, is implementing.
		expect(ws.store.snapshot()['specs/1000/1005/spec.md']).toBe(
			before['specs/1000/1005/spec.md'].replace('- [ ] Audit access', '- [x] Audit access').replace('status: planning', 'status: implementing'),
		);
		expect(ws.store.snapshot()['specs/1000/1002/context.md']).toBe(before['specs/1000/1002/context.md']);
		expect(formatResumeBrief(await resumeBrief(ws, '1005'))).toContain('Continue from task 1? Give 1005 a journal of its own first (see above), then: spec-work start 1005');
	});
});

describe('what a context property may not make a spec’s journal (review findings)', () => {
	it('a copied id property: 1001 with `id: 1002` never writes into 1002’s journal', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/epic.md': '# 1000 - E\n',
			'specs/1000/1001.spec.md': '---\nid: "1002"\n---\n# 1001 - Copied from 1002\n',
			'specs/1000/1002.spec.md': '# 1002 - Real\n',
			'specs/1000/1002.context.md': '# Context: Real\n\n**Spec**: [[1002.spec]]\n\n## Implementation Timeline\n\n### Session 1: 2025-08-01 - A\n**Status**: completed\n',
		});
		const before = ws.store.snapshot();
		const result = await startSession(ws, { id: '1001' });
		expect(result.contextPath).toBe('specs/1000/1001.context.md');
		expect(ws.store.snapshot()['specs/1000/1002.context.md']).toBe(before['specs/1000/1002.context.md']);
	});

	it('a spec note is never a journal, though it links to the spec', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/epic.md': '# 1000 - E\n\n## Features\n- [[1001.spec|1001]]\n',
			'specs/1000/1001.spec.md': '---\ncontext: "[[epic]]"\n---\n# 1001 - Background in the epic\n',
		});
		await expectRefused(ws, () => startSession(ws, { id: '1001' }), 'context-of-other-spec', /^specs\/1000\/epic\.md is the spec 1000, not of 1001 /);
	});

	it('a note that links to the spec only further down (an overview) is not its journal', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/1001/spec.md': '---\ncontext: "[[../overview]]"\n---\n# 1001 - Storage\n',
			'specs/1000/overview.md': '# Overview\n\nEverything.\n\n## Specs\n- [[1001/spec|Storage]]\n',
		});
		await expectRefused(ws, () => startSession(ws, { id: '1001' }), 'context-of-other-spec', /^specs\/1000\/overview\.md does not name 1001 /);
	});

	it('a context reference with folders never suffix-matches into a copy outside the specs folder', async () => {
		const ws = await memoryWorkspace({
			'specs/E01/F01/spec.md': '---\ncontext: "[[specs/E01/F01/context]]"\n---\n# E01-F01: Storage\n',
			'Backup 2025-01/specs/E01/F01/context.md': '# Context\n\n**Spec**: [[specs/E01/F01/spec]]\n',
		});
		const before = ws.store.snapshot();
		const result = await startSession(ws, { id: 'E01-F01' });
		expect(result.contextPath).toBe('specs/E01/F01/context.md');
		expect(ws.store.snapshot()['Backup 2025-01/specs/E01/F01/context.md']).toBe(before['Backup 2025-01/specs/E01/F01/context.md']);
	});
});

describe('specs about backups are not backups', () => {
	it('keeps 1005-backup-rotation and E07-backups, leaves the dated copy and specs_backup out', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/epic.md': '# 1000 - Storage\n',
			'specs/1000/1005-backup-rotation/spec.md': '# 1005 - Backup rotation\n',
			'specs/E07-backups/epic.md': '# E07: Backups\n',
			'specs/backup-2025-08-01/1000/epic.md': '# 1000 - Storage\n',
			'specs/1000 backup/epic.md': '# 1000 - Storage\n',
			'specs/1000/1001 (copy)/spec.md': '# 1001 - Hot\n',
			'specs/1000/1001 (1)/spec.md': '# 1001 - Hot\n',
			"specs/1000/1001 (Ana's conflicted copy 2025-08-01)/spec.md": '# 1001 - Hot\n',
		});
		expect(ws.index.all().map((s) => s.path)).toEqual(['specs/1000/epic.md', 'specs/1000/1005-backup-rotation/spec.md', 'specs/E07-backups/epic.md']);
	});
});

describe('templates kept in the specs folder are not specs', () => {
	it('leaves `_templates/` and `templates/` out, so validate finds nothing in their placeholders', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/epic.md': '# 1000 - Storage\n',
			'specs/_templates/spec.md': '# {{id}} - {{title}}\n\n**Context**: [[{{id}}.context|Implementation Journal]]  \n**Parent**: [[{{parent}}]]\n',
			'specs/_templates/context.md': '# Context: {{title}}\n\n**Spec**: [[{{id}}.spec|{{id}} - {{title}}]]\n',
			'specs/Templates/task.spec.md': '---\ntype: task\n---\n# {{title}}\n',
			'specs/E05-templates/epic.md': '# E05: Report templates\n',
		});
		expect(ws.index.all().map((s) => s.path)).toEqual(['specs/1000/epic.md', 'specs/E05-templates/epic.md']);
		expect((await validate(ws)).problems).toEqual([]);
	});
});

describe('a context property pointing at the spec itself', () => {
	it('is refused in plain words', async () => {
		const ws = await memoryWorkspace({ 'specs/1000/1001.spec.md': '---\ncontext: "[[1001.spec]]"\n---\n# 1001 - Self\n' });
		await expectRefused(
			ws,
			() => startSession(ws, { id: '1001' }),
			'context-of-other-spec',
			'specs/1000/1001.spec.md is the spec 1001 itself, not a journal; point its context property or Context line at a journal beside it, or remove it',
		);
	});
});

describe('a journal kept apart whose Spec line names the spec by id', () => {
	const files = (specLine: string) => ({
		'specs/E01/epic.md': '---\ntype: epic\nid: E01\n---\n# Storage\n\n## Features\n- [[F01/spec|E01-F01 - Hot]]\n- [[F02/spec|E01-F02 - Cold]]\n',
		'specs/E01/F01/spec.md': '---\ntype: feature\nid: E01-F01\ncontext: "[[journal/hot-log]]"\n---\n# Hot\n',
		'specs/E01/F02/spec.md': '---\ntype: feature\nid: E01-F02\n---\n# Cold\n',
		'journal/hot-log.md': `# Hot log\n**Spec**: ${specLine}\n\n## Implementation Timeline\n`,
	});

	it.each(['E01-F01', '[[E01-F01]]', '[[e01-f01|the hot tier]]', '[[F01]]', 'E01-F01 - Hot', 'E01-F01: Hot'])(
		'accepts **Spec**: %s and starts the session there',
		async (specLine) => {
			const ws = await memoryWorkspace(files(specLine));
			expect((await startSession(ws, { id: 'E01-F01' })).contextPath).toBe('journal/hot-log.md');
			expect(ws.store.snapshot()['journal/hot-log.md']).toBe(
				`# Hot log\n**Spec**: ${specLine}\n\n## Implementation Timeline\n\n### Session 1: 2025-08-28 - Implementation Session\n**Duration**: In progress  \n**Participants**: User, Claude  \n**Status**: active  \n**Started**: 2025-08-28 10:00\n\n#### Planning\n`,
			);
		},
	);

	it.each(['E01-F01', 'E01-F01 - Hot', 'E01-F01: Hot'])('validate finds **Spec**: %s names the journal’s spec: no missing link back', async (specLine) => {
		const ws = await memoryWorkspace(files(specLine));
		expect((await validate(ws)).problems).toEqual([]);
	});

	it.each(['[[E01-F02]]', 'E01-F02 - Cold'])('refuses **Spec**: %s as the journal of E01-F02, writing nothing', async (specLine) => {
		const ws = await memoryWorkspace(files(specLine));
		await expectRefused(
			ws,
			() => startSession(ws, { id: 'E01-F01' }),
			'context-of-other-spec',
			`journal/hot-log.md is the journal of E01-F02 (its Spec line: ${specLine}), not of E01-F01 (specs/E01/F01/spec.md); give E01-F01 a journal of its own: point its context property or Context line at a file beside it, or remove it`,
		);
	});
});
