import { Notice } from 'obsidian';
import { failureMessage } from './command-context';

/**
 * A command's flow, returned to Obsidian: it settles once the flow has asked what it needs (a
 * picker) and opened its modal. An unexpected failure becomes a Notice instead of a silent
 * rejection; the workflow's own refusals are already Notices (runOperation).
 */
export function commandFlow(flow: Promise<void>): Promise<void> {
	return flow.catch((e: unknown) => {
		new Notice(failureMessage(e));
	});
}
