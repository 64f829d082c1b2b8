import type { ContextCache } from '../reports/progress-rollup';
import { ResumeBrief, resumeBrief } from '../reports/resume';
import { revisionAsRead } from '../reports/spec-status';
import type { SpecRevision } from '../workspace/revision';
import { requireSpec } from '../workspace/workspace';
import { ID_FIELD, Operation } from './operation';

export const RESUME: Operation<{ id: string }, ResumeBrief & SpecRevision> = {
	name: 'resume',
	summary: 'The resume brief: previous sessions, progress, last activity, remaining and next task',
	writes: false,
	input: [ID_FIELD],
	async run(ws, input) {
		const cache: ContextCache = new Map();
		const brief = await resumeBrief(ws, input.id, cache);
		// Last, so readers of the older JSON find every field where it was.
		return { ...brief, ...(await revisionAsRead(ws, requireSpec(ws, input.id), cache)) };
	},
};
