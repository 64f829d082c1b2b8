import { readFileSync } from 'fs';
import { join } from 'path';
import { readContextFile } from '../../../src/core/context/context-file';
import { progress } from '../../../src/core/context/plan-task';
import { EXAMPLE_VAULT } from '../../helpers/vault-files';

describe('readContextFile on the example 1014 journal', () => {
	const text = readFileSync(join(EXAMPLE_VAULT, 'specs/1000/1001/1014.context.md'), 'utf8');
	const context = readContextFile(text);

	it('reads the plan with the seed figures', () => {
		expect(progress(context.tasks)).toEqual(expect.objectContaining({ done: 5, total: 7, percent: 71 }));
		expect(context.tasks.filter((t) => t.state === 'in-progress').map((t) => t.text)).toEqual(['Documentation']);
	});

	it('reads both sessions with durations and the last commit', () => {
		expect(context.sessions.map((s) => [s.number, s.date, s.durationMinutes, s.status])).toEqual([
			[1, '2025-08-26', 150, 'completed'],
			[2, '2025-08-27', 90, 'completed'],
		]);
		expect(context.sessions[1].commits.at(-1)).toEqual(expect.objectContaining({ hash: 'b2c3d4e', message: 'Add performance benchmarking results' }));
	});

	it('reads the registry, the downstream specs and the metrics', () => {
		const byType: Record<string, number> = {};
		for (const d of context.deliverables.entries) byType[d.type] = (byType[d.type] ?? 0) + 1;
		expect(byType).toEqual({ scripts: 4, docs: 2, config: 2 });
		expect(context.dependencies.downstream.map((d) => d.target)).toEqual(['../../3000/3001/spec', '../../9000/9001/spec', '../../4000/4005/spec']);
		expect(context.metrics.find((m) => m.name === 'Total Sessions')?.value).toBe('2');
	});
});

describe('readContextFile on free-form journals', () => {
	it('reads a Commits list outside any session, in any of the usual forms', () => {
		const text = [
			'# Notes',
			'',
			'### What was done',
			'- Encoder',
			'',
			'### Commits',
			'- `08e4cc5`: Add the encoder',
			'- 1b2c3d4 - Buffer writes',
			'- 2c3d4e5 Rotate files',
			'- not a commit',
			'',
		].join('\n');
		const context = readContextFile(text);
		expect(context.sessions).toEqual([]);
		expect(context.commits.map((c) => [c.hash, c.message])).toEqual([
			['08e4cc5', 'Add the encoder'],
			['1b2c3d4', 'Buffer writes'],
			['2c3d4e5', 'Rotate files'],
		]);
	});

	it('leaves a session own commits to the session', () => {
		const text = [
			'## Implementation Timeline',
			'',
			'### Session 1: 2025-08-20 - A',
			'#### Commits',
			'- `aaa1111`: in the session',
			'',
			'## Commits',
			'- `bbb2222`: loose',
			'',
		].join('\n');
		const context = readContextFile(text);
		expect(context.sessions[0].commits.map((c) => c.hash)).toEqual(['aaa1111']);
		expect(context.commits.map((c) => c.hash)).toEqual(['bbb2222']);
	});

	it('reads checklists outside the plan and the timeline, numbered across sections', () => {
		const text = [
			'## Plan',
			'',
			'## Tasks',
			'- [x] one',
			'- [ ] two',
			'',
			'## Acceptance Criteria',
			'- [ ] not a task',
			'',
			'## Implementation',
			'### Implementation Steps',
			'1. [/] three',
			'',
			'## Implementation Timeline',
			'### Session 1: 2025-08-20',
			'#### Tasks',
			'- [x] a session record, not a task',
			'',
		].join('\n');
		expect(readContextFile(text).checklist.map((t) => [t.number, t.text, t.state])).toEqual([
			[1, 'one', 'done'],
			[2, 'two', 'pending'],
			[3, 'three', 'in-progress'],
		]);
	});
});
