import { FileStoreError } from '../core/files/file-store';
import { WorkflowError } from '../core/workspace/workflow-error';

/**
 * A failed call in one line, as the CLI prints it on standard error and the MCP server returns it:
 * the workflow's refusals as they are (with what to run next), anything else as unexpected.
 */
export function failureLine(e: unknown): string {
	if (e instanceof WorkflowError) return `spec-work: ${e.message}${e.cliHint ? `; ${e.cliHint}` : ''}`;
	if (e instanceof FileStoreError) return `spec-work: ${e.message}`;
	return `spec-work: unexpected error: ${e instanceof Error ? e.message : String(e)}`;
}
