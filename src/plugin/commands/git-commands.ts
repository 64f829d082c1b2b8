import { Notice } from 'obsidian';
import type { Spec } from '../../core/index/spec';
import { activeSessionCommits } from '../../core/workflow/session-commits';
import { specFiles } from '../../core/reports/spec-files';
import { COMMIT, RECORD_COMMITS, SESSION_COMMITS } from '../../core/operations/git';
import { refuseUnfinishedOperation } from '../../core/git/unfinished-operation';
import { gitAvailable, vaultRepository } from '../git/desktop-git';
import { CommitProgressModal } from '../modals/commit-progress-modal';
import { RecordCommitsModal } from '../modals/record-commits-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { runOperation } from './command-context';
import { addSpecCommand } from './spec-command';
import { specHeadingTitle } from '../../core/templates/spec-templates';

/**
 * "Commit spec progress…" and "Record commits from Git…": desktop only, where git can run. On
 * mobile they are not registered at all (the typed "Record commit…" works there).
 */
export function registerGitCommands(plugin: SpecWorkflowPlugin): void {
	if (!gitAvailable()) return;
	addSpecCommand(plugin, { id: 'commit-spec-progress', name: 'Commit spec progress…', placeholder: 'Commit the progress of which spec?', flow: commitProgressFlow });
	addSpecCommand(plugin, { id: 'record-commits-from-git', name: 'Record commits from Git…', placeholder: 'Record commits for which spec?', flow: recordCommitsFlow });
}

/** The spec's active session and the repository (not in the middle of a merge…), each refused with a Notice; then the message modal. */
async function commitProgressFlow(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const ready = await runOperation(plugin, async (ws) => {
		await activeSessionCommits(ws, spec.id);
		const repo = await vaultRepository(plugin.app);
		// Asked before the message is typed; the commit itself checks again, as git may have moved on.
		await refuseUnfinishedOperation(repo);
		return { repo, files: await specFiles(ws, spec.id) };
	});
	if (!ready) return;
	new CommitProgressModal(plugin.app, {
		specLabel: specHeadingTitle(spec.id, spec.title),
		files: ready.files.paths.filter((p) => plugin.app.vault.getFileByPath(p) !== null),
		onSubmit: async (message) => {
			const r = await runOperation(plugin, (ws) => COMMIT.run(ws, { id: spec.id, message }, { repository: () => Promise.resolve(ready.repo) }));
			if (!r) return false;
			new Notice(`Committed ${r.shortHash} (${r.files.length} file${r.files.length === 1 ? '' : 's'}) and recorded it in session ${r.session}.`);
			return true;
		},
	}).open();
}

/** The commits since the active session started, then the checkbox modal. */
async function recordCommitsFlow(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const found = await runOperation(plugin, async (ws) => {
		const repo = await vaultRepository(plugin.app);
		return { repo, list: await SESSION_COMMITS.run(ws, { id: spec.id }, { repository: () => Promise.resolve(repo) }) };
	});
	if (!found) return;
	const { repo, list } = found;
	new RecordCommitsModal(plugin.app, {
		specLabel: specHeadingTitle(spec.id, spec.title),
		heading: `Commits since session ${list.session} started (${list.since})`,
		commits: list.commits.map((c) => ({ hash: c.hash, shortHash: c.shortHash, date: c.date.slice(0, 16).replace('T', ' '), subject: c.subject, recorded: c.recorded })),
		onSubmit: async (hashes) => {
			if (hashes.length === 0) {
				new Notice('No commits chosen.');
				return false;
			}
			const r = await runOperation(plugin, (ws) => RECORD_COMMITS.run(ws, { id: spec.id, hashes }, { repository: () => Promise.resolve(repo) }));
			if (!r) return false;
			new Notice(`Recorded ${r.recorded.length} commit${r.recorded.length === 1 ? '' : 's'} in session ${r.session}.`);
			return true;
		},
	}).open();
}
