import { appendFileSync, readFileSync } from 'fs';
import { join } from 'path';
import { toolsOf } from '../../src/node/mcp/tools';
import { markReviewed } from '../../src/core/review/mark-reviewed';
import { memoryWorkspace } from '../helpers/workspace';
import { McpSession } from '../helpers/mcp-client';
import { TempVault } from '../helpers/cli-process';

const SPEC = 'specs/1000/1001/1014.spec.md';
const CONTEXT = 'specs/1000/1001/1014.context.md';
const BENCH = 'specs/1000/1001/deliverables/scripts/benchmark.sh';

describe('the review tool over MCP', () => {
	let vault: TempVault;
	let mcp: McpSession;
	beforeEach(async () => {
		vault = new TempVault();
		mcp = await McpSession.start(vault.dir, ['--tools', 'all']);
	});
	afterEach(async () => {
		await mcp.close();
		vault.cleanup();
	});

	it('is offered with --tools all, not in the default set', () => {
		expect(toolsOf('all').map((t) => t.name)).toContain('review');
		expect(toolsOf('core').map((t) => t.name)).not.toContain('review');
	});

	it('marks the spec reviewed with the bytes the core review writes, then accepts a changed deliverable', async () => {
		const ws = await memoryWorkspace(vault.files(), { now: '2025-08-28T10:00' });
		const marked = await mcp.call('review', { id: '1014', by: 'Ana' });
		expect(marked.isError).toBeFalsy();
		await markReviewed(ws, { id: '1014', by: 'Ana' });
		expect(vault.files()).toEqual(ws.store.snapshot());
		expect(readFileSync(join(vault.dir, SPEC), 'utf8')).toContain('reviewed: 2025-08-28 10:00\nreviewed_by: Ana\n');
		expect(marked.structuredContent).toMatchObject({ id: '1014', reviewed: '2025-08-28 10:00', accepted: [], changed: [] });

		appendFileSync(join(vault.dir, BENCH), 'echo more\n');
		const accepted = await mcp.call('review', { id: '1014', accept: true });
		expect(accepted.structuredContent).toMatchObject({ accepted: [BENCH], changed: [] });
		await ws.store.process(BENCH, (t) => t + 'echo more\n');
		await markReviewed(ws, { id: '1014', accept: true });
		expect(readFileSync(join(vault.dir, CONTEXT), 'utf8')).toBe(ws.store.snapshot()[CONTEXT]);
	});
});
