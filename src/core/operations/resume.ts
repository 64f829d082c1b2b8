import { ResumeBrief, resumeBrief } from '../reports/resume';
import { ID_FIELD, Operation } from './operation';

export const RESUME: Operation<{ id: string }, ResumeBrief> = {
	name: 'resume',
	summary: 'The resume brief: previous sessions, progress, last activity, remaining and next task',
	writes: false,
	input: [ID_FIELD],
	run: (ws, input) => resumeBrief(ws, input.id),
};
