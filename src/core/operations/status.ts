import { withCommitDate } from '../git/git-metrics';
import { OpenSpec, openSpecs } from '../reports/open-specs';
import { specStatus, SpecStatusReport } from '../reports/spec-status';
import type { GitAccess } from './hosts';
import { ID_FIELD, Operation } from './operation';

export const STATUS: Operation<{ id: string }, SpecStatusReport, Partial<GitAccess>> = {
	name: 'status',
	summary: "A spec's progress, tasks, criteria, deliverables, time, last commit, parent and children",
	writes: false,
	input: [ID_FIELD],
	async run(ws, input, host) {
		const report = await specStatus(ws, input.id);
		const repo = await host.repository?.();
		return repo ? withCommitDate(repo, report) : report;
	},
};

export const OPEN_SPECS: Operation<Record<string, never>, OpenSpec[]> = {
	name: 'open-specs',
	summary: 'Every spec not completed, with its progress and next task',
	writes: false,
	input: [],
	run: (ws) => openSpecs(ws),
};
