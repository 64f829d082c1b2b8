import { NextTask, nextTask } from '../reports/next-task';
import { Operation } from './operation';

export const NEXT: Operation<Record<string, never>, NextTask | null> = {
	name: 'next',
	summary: 'The plan task to work on next',
	writes: false,
	input: [],
	run: (ws) => nextTask(ws),
};
