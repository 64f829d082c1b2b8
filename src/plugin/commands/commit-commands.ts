import { Notice } from 'obsidian';
import type { Spec } from '../../core/index/spec';
import { ChangeSet } from '../../core/workspace/file-changes';
import { LOG } from '../../core/operations/log';
import { WorkflowError } from '../../core/workspace/workflow-error';
import { requireActiveSession } from '../../core/edits/session-edits';
import { CommitFields, RecordCommitModal } from '../modals/record-commit-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { runOperation } from './command-context';
import { addSpecCommand } from './spec-command';
import { specHeadingTitle } from '../../core/templates/spec-templates';

/** "Record commit…": a commit typed by hand, on every platform (the git commands are desktop only). */
export function registerCommitCommands(plugin: SpecWorkflowPlugin): void {
	addSpecCommand(plugin, { id: 'record-commit', name: 'Record commit…', placeholder: 'Record a commit for which spec?', flow: recordCommitFlow });
}

/** When the spec has an active session, the modal; resolves once the modal is open. */
async function recordCommitFlow(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	// Asked before the user types anything: without an active session there is nowhere to record it.
	const active = await runOperation(plugin, (ws) => requireActiveSession(ws, new ChangeSet(ws.store), spec));
	if (!active) return;
	const { session } = active;
	new RecordCommitModal(plugin.app, {
		specLabel: specHeadingTitle(spec.id, spec.title),
		sessionLabel: `Session ${session.number}: ${[session.date, session.title].filter((s) => s).join(' - ')}`,
		onSubmit: async (fields) => {
			const result = await runOperation(plugin, (ws) => LOG.run(ws, { id: spec.id, section: 'commits', text: typedCommit(fields) }, undefined));
			if (!result) return false;
			new Notice(result.written.length > 0 ? `Recorded the commit in session ${result.session}.` : `Session ${result.session} already lists that commit.`);
			return true;
		},
	}).open();
}

/** A pasted `hash message` line with no separate message is the log's text as it stands, split as the CLI's log splits it. */
function typedCommit(fields: CommitFields): string {
	const hash = fields.hash.trim();
	return fields.message.trim() === '' && /\s/.test(hash) ? hash : commitText(fields);
}

/**
 * A commit typed as hash and message, as the log operation's text: `<hash>: <message>` reads back
 * as exactly that hash and message when the hash is one word. A hash of several words, or none,
 * is not a hash; it is refused here, in the log's words, since the log would take its first word.
 */
export function commitText(fields: CommitFields): string {
	const hash = fields.hash.trim();
	if (hash === '' || /[\s`:]/.test(hash)) throw new WorkflowError('bad-commit', `"${hash}" is not a commit hash (4 to 40 hex digits); write the entry as "<hash> <message>"`);
	return `${hash}: ${fields.message}`;
}
