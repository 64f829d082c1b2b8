import { Notice } from 'obsidian';
import { ChangeSet } from '../../core/workspace/file-changes';
import { parseCommitText, recordCommit } from '../../core/workflow/log-entry';
import { requireActiveSession } from '../../core/edits/session-edits';
import { CommitFields, RecordCommitModal } from '../modals/record-commit-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { runOperation, specForCommand } from './command-context';
import { commandFlow } from './command-flow';
import { specHeadingTitle } from '../../core/templates/spec-templates';

/** "Record commit…": a commit typed by hand, on every platform (the git commands are desktop only). */
export function registerCommitCommands(plugin: SpecWorkflowPlugin): void {
	plugin.addCommand({
		id: 'record-commit',
		name: 'Record commit…',
		callback: () => commandFlow(recordCommitCommand(plugin)),
	});
}

/** The spec, then (when it has an active session) the modal; resolves once the modal is open. */
export async function recordCommitCommand(plugin: SpecWorkflowPlugin): Promise<void> {
	const spec = await specForCommand(plugin, 'Record a commit for which spec?');
	if (!spec) return;
	// Asked before the user types anything: without an active session there is nowhere to record it.
	const active = await runOperation(plugin, (ws) => requireActiveSession(ws, new ChangeSet(ws.store), spec));
	if (!active) return;
	const { session } = active;
	new RecordCommitModal(plugin.app, {
		specLabel: specHeadingTitle(spec.id, spec.title),
		sessionLabel: `Session ${session.number}: ${[session.date, session.title].filter((s) => s).join(' - ')}`,
		onSubmit: async (fields) => {
			const result = await runOperation(plugin, (ws) => recordCommit(ws, { id: spec.id, ...splitCommit(fields) }));
			if (!result) return false;
			new Notice(result.written.length > 0 ? `Recorded the commit in session ${result.session}.` : `Session ${result.session} already lists that commit.`);
			return true;
		},
	}).open();
}

/** A pasted `hash message` line with no separate message is split as the CLI's log does. */
function splitCommit(fields: CommitFields): CommitFields {
	const hash = fields.hash.trim();
	if (fields.message.trim() === '' && /\s/.test(hash)) return parseCommitText(hash);
	return { hash, message: fields.message };
}
