import { readFileSync } from 'fs';
import { join } from 'path';
import { DECIDE } from '../../src/core/operations/decide';
import { openWorkspace } from '../../src/node/open-workspace';
import { toolsOf } from '../../src/node/mcp/tools';
import { spawnCliAsync, TempVault } from '../helpers/cli-process';

const CTX = 'specs/1000/1001/1014.context.md';
const SPEC = 'specs/1000/1001/1014.spec.md';

let vault: TempVault;
beforeEach(() => (vault = new TempVault()));
afterEach(() => vault.cleanup());

const read = (path: string) => readFileSync(join(vault.dir, path), 'utf8');
const awaitCall = (...extra: string[]) => spawnCliAsync(['await', '1014', '--json', ...extra], { cwd: vault.dir });

function propose(): void {
	const r = vault.run(['propose', '1014', '--plan', 'Write the runbook', '--plan', 'Check the alerts'], { now: '2025-08-28T14:30' });
	expect(r).toMatchObject({ code: 0, stderr: '' });
	expect(read(CTX)).toContain(
		'- [ ] Final validation\n\n> [!question] Proposed plan (awaiting approval)\n> proposed: 2025-08-28 14:30\n> - [ ] Write the runbook\n> - [ ] Check the alerts\n\n## Implementation Timeline',
	);
	expect(read(SPEC)).toContain('\napproval: awaiting\n---\n');
}

describe('spec-work propose, then await while the person decides', () => {
	it('await returns the plan as approved (modified in Obsidian) once the decision is written', async () => {
		propose();
		const waiting = awaitCall('--timeout', '60');
		// The person modifies and approves; the plugin writes through the core decide operation.
		const ws = await openWorkspace({ cwd: vault.dir, now: '2025-08-28T15:00', cacheFolder: null });
		await DECIDE.run(ws, { id: '1014', decision: 'approve', plan: ['Check the alerts', 'Write the runbook', 'Tell the downstream teams'] }, undefined);
		const r = await waiting;
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual({
			id: '1014',
			decision: 'approved',
			plan: ['Check the alerts', 'Write the runbook', 'Tell the downstream teams'],
			reason: null,
			proposed: '2025-08-28 14:30',
			decided: '2025-08-28 15:00',
		});
		expect(read(CTX)).toContain('- [ ] Final validation\n- [ ] Check the alerts\n- [ ] Write the runbook\n- [ ] Tell the downstream teams\n\n> [!success] Plan approved\n');
		expect(read(SPEC)).toContain('\napproval: approved\n---\n');
	});

	it('await exits 3 with the reason when a second process rejects the plan', async () => {
		propose();
		const waiting = awaitCall('--timeout', '60');
		const decided = await spawnCliAsync(['decide', '1014', 'reject', '--reason', 'Alerts before the runbook'], { cwd: vault.dir, now: '2025-08-28T15:00' });
		expect(decided).toMatchObject({ code: 0, stderr: '' });
		const r = await waiting;
		expect(r.code).toBe(3);
		expect(JSON.parse(r.stdout)).toMatchObject({ decision: 'rejected', reason: 'Alerts before the runbook', plan: ['Write the runbook', 'Check the alerts'] });
		expect(read(CTX)).toContain('> [!failure] Plan rejected\n> proposed: 2025-08-28 14:30\n> rejected: 2025-08-28 15:00\n> reason: Alerts before the runbook\n');
	});

	it('await exits 4 after --timeout with no decision, changing nothing; text output says so', async () => {
		propose();
		const before = vault.files();
		const r = await spawnCliAsync(['await', '1014', '--timeout', '0.3'], { cwd: vault.dir });
		expect(r).toEqual({ code: 4, stdout: 'No decision on the plan of 1014 after 0.3 s; it is still awaiting approval\n', stderr: '' });
		expect(vault.files()).toEqual(before);
	});

	it('await without a proposal fails at once (exit 1)', async () => {
		const r = await awaitCall();
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('Spec 1014 has no proposed plan');
	});
});

describe('for agents over MCP', () => {
	it('propose_plan is offered with --tools all, not in the default set; waiting is the CLI, not a tool', () => {
		const names = (set: 'core' | 'all') => toolsOf(set).map((t) => t.name);
		expect(names('all')).toContain('propose_plan');
		expect(names('core')).not.toContain('propose_plan');
		expect(
			toolsOf('all')
				.map((t) => t.operation.name)
				.filter((n) => n === 'proposal' || n === 'decide'),
		).toEqual([]);
	});
});
