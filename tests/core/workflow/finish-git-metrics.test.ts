import { finishSession, refreshMetrics } from '../../../src/core/workflow/finish-session';
import { startSession } from '../../../src/core/workflow/start-session';
import { memoryWorkspace } from '../../helpers/workspace';

const CONTEXT = 'specs/1000/1001/1014.context.md';

describe('finishSession with git figures', () => {
	it('sets Lines of Code and Files Created / Modified in place, every other byte kept', async () => {
		const ws = await memoryWorkspace(undefined, { now: '2025-08-28T10:00' });
		await startSession(ws, { id: '1014' });
		const before = await ws.store.read(CONTEXT);
		ws.setNow('2025-08-28T11:00');
		await finishSession(ws, { id: '1014', gitStats: { added: 1250, removed: 85, filesCreated: 9, filesModified: 12 } });
		const after = await ws.store.read(CONTEXT);
		expect(after).toContain(
			'### Implementation\n- **Total Sessions**: 3\n- **Total Duration**: 5 hours\n- **Lines of Code**: +1,250, -85\n- **Files Created**: 9\n- **Files Modified**: 12\n\n### Quality\n',
		);
		const tail = (t: string) => t.slice(t.indexOf('### Quality'));
		expect(tail(after)).toBe(tail(before));
	});

	it('without git figures the written ones stay', async () => {
		const ws = await memoryWorkspace(undefined, { now: '2025-08-28T10:00' });
		await startSession(ws, { id: '1014' });
		await finishSession(ws, { id: '1014' });
		expect(await ws.store.read(CONTEXT)).toContain('- **Lines of Code**: +511, -0\n- **Files Created**: 8\n- **Files Modified**: 1\n');
	});
});

describe("refreshMetrics: missing git lines go to their place in the seed's order", () => {
	const stats = { added: 3, removed: 1, filesCreated: 2, filesModified: 0 };

	it('after the lines there are, keeping CRLF', () => {
		const text = '# Context\r\n\r\n## Metrics\r\n\r\n### Implementation\r\n- **Total Sessions**: 0\r\n- **Files Modified**: 7\r\n- **Custom**: kept\r\n';
		expect(refreshMetrics(text, 'c.md', stats)).toBe(
			'# Context\r\n\r\n## Metrics\r\n\r\n### Implementation\r\n- **Total Sessions**: 0\r\n- **Total Duration**: 0 minutes\r\n- **Lines of Code**: +3, -1\r\n- **Files Created**: 2\r\n- **Files Modified**: 0\r\n- **Custom**: kept\r\n',
		);
	});

	it('before the first line there is when none comes earlier', () => {
		const text = '## Metrics\n\n### Implementation\n- **Files Created**: 1\n';
		expect(refreshMetrics(text, 'c.md', stats)).toBe(
			'## Metrics\n\n### Implementation\n- **Total Sessions**: 0\n- **Total Duration**: 0 minutes\n- **Lines of Code**: +3, -1\n- **Files Created**: 2\n- **Files Modified**: 0\n',
		);
	});

	it('all five in a new section when there is none', () => {
		expect(refreshMetrics('# Context\n', 'c.md', stats)).toContain(
			'## Metrics\n\n### Implementation\n- **Total Sessions**: 0\n- **Total Duration**: 0 minutes\n- **Lines of Code**: +3, -1\n- **Files Created**: 2\n- **Files Modified**: 0\n',
		);
	});
});
