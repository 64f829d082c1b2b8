import { workBegunLine } from '../edits/work-begins';
import { FileStoreError } from '../files/file-store';
import type { FinishResult } from '../workflow/finish-session';
import type { LogResult } from '../workflow/log-entry';
import { WorkflowError } from '../workspace/workflow-error';

/**
 * The words every command-line surface prints around an operation (spec-work, its MCP server,
 * and `obsidian spec-workflow:…`), kept once so the surfaces cannot drift apart.
 */

/** What a writing call changed, or that it changed nothing. */
export function written(paths: readonly string[]): string {
	return paths.length === 0 ? 'Nothing changed.' : `Wrote ${paths.join(', ')}`;
}

/** A log entry's answer: where it went, whether work began, what was written. */
export function logText(r: LogResult): string {
	return `Logged to session ${r.session} › ${r.heading}${workBegunLine(r.workBegun)}\n${written(r.written)}`;
}

/** What `finish --complete` did to the spec, and the work it still lists: '' when it did nothing. */
export function completedLine(r: Pick<FinishResult, 'statusChange' | 'openTasks'>): string {
	if (!r.statusChange) return '';
	const open = r.openTasks === 0 ? '' : ` with ${r.openTasks} task${r.openTasks === 1 ? '' : 's'} not done`;
	return `Spec ${r.statusChange.spec}: ${r.statusChange.from ?? '(no status)'} → completed${open}`;
}

/**
 * A failed call in one line, as the CLI prints it on standard error and the MCP server returns it:
 * the workflow's refusals as they are (with what to run next), anything else as unexpected.
 */
export function failureLine(e: unknown): string {
	if (e instanceof WorkflowError) return `spec-work: ${e.message}${e.cliHint ? `; ${e.cliHint}` : ''}`;
	if (e instanceof FileStoreError) return `spec-work: ${e.message}`;
	return `spec-work: unexpected error: ${e instanceof Error ? e.message : String(e)}`;
}
