import { withCommitDate } from '../git/git-metrics';
import { OpenSpec, openSpecs } from '../reports/open-specs';
import type { ContextCache } from '../reports/progress-rollup';
import { revisionAsRead, specStatus, SpecStatusReport } from '../reports/spec-status';
import type { SpecRevision } from '../workspace/revision';
import { requireSpec } from '../workspace/workspace';
import type { GitAccess } from './hosts';
import { ID_FIELD, Operation } from './operation';

export const STATUS: Operation<{ id: string }, SpecStatusReport & SpecRevision, Partial<GitAccess>> = {
	name: 'status',
	summary: "A spec's progress, tasks, criteria, deliverables, time, last commit, parent and children",
	writes: false,
	input: [ID_FIELD],
	async run(ws, input, host) {
		const cache: ContextCache = new Map();
		const report = await specStatus(ws, input.id, cache);
		const repo = await host.repository?.();
		const dated = repo ? await withCommitDate(repo, report) : report;
		// Last, so readers of the older JSON find every field where it was.
		return { ...dated, ...(await revisionAsRead(ws, requireSpec(ws, input.id), cache)) };
	},
};

export const OPEN_SPECS: Operation<Record<string, never>, OpenSpec[]> = {
	name: 'open-specs',
	summary: 'Every spec not completed, with its progress and next task',
	writes: false,
	input: [],
	run: (ws) => openSpecs(ws),
};
