import type { App } from '../__mocks__/obsidian';
import { TASK } from '../../src/core/operations/task';
import { markReviewed } from '../../src/core/review/mark-reviewed';
import { finishSession } from '../../src/core/workflow/finish-session';
import { startSession } from '../../src/core/workflow/start-session';
import type SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';

const BENCH = 'specs/1000/1001/deliverables/scripts/benchmark.sh';

/**
 * The review screenshots' story: Ana reviewed 1014 the evening before; this morning an agent's
 * session tuned the benchmark script and finished a task. The other specs were never reviewed.
 */
export async function reviewedScene(plugin: SpecWorkflowPlugin, app: App): Promise<void> {
	plugin.now = () => new Date('2025-08-27T19:30');
	await markReviewed(plugin.workspace(), { id: '1014', by: 'Ana' });
	plugin.now = () => new Date('2025-08-28T08:30');
	const ws = plugin.workspace();
	await startSession(ws, { id: '1014', title: 'Benchmark tuning', participants: 'User, Claude' });
	await ws.store.process(BENCH, (text) => text.replace(/\n$/, '\n# Larger blocks for the 10 GbE link\n'));
	await TASK.run(ws, { id: '1014', task: '6', state: 'done' }, undefined);
	plugin.now = () => new Date('2025-08-28T09:20');
	await finishSession(plugin.workspace(), { id: '1014', summary: 'Benchmark tuned for the 10 GbE link; documentation done.' });
	await app.flush();
}
