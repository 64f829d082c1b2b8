import { Notice } from 'obsidian';
import { applyContextPlan, planContextFiles } from '../../core/migration/context-generation';
import { ContextFilesModal } from '../modals/context-files-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { runOperation } from './command-context';
import { addVaultCommand } from './command-flow';

/** "Create missing context files": migration phase 2, the same operation as `spec-work contexts --apply`. */
export function registerContextCommands(plugin: SpecWorkflowPlugin): void {
	addVaultCommand(plugin, { id: 'create-missing-contexts', name: 'Create missing context files', run: createMissingContextsCommand });
}

/** Plans a context for every spec without one, shows the plan, and creates them all on confirm. */
export async function createMissingContextsCommand(plugin: SpecWorkflowPlugin): Promise<void> {
	await plugin.indexReady;
	if (plugin.index.size === 0) {
		new Notice(`No specs under ${plugin.settings.specsRoot}/ yet. Create one with "New spec".`);
		return;
	}
	const plan = await runOperation(plugin, (ws) => planContextFiles(ws));
	if (!plan) return;
	if (plan.contexts.length === 0 && plan.problems.length === 0) {
		new Notice(`Every spec already has a context file (${plan.existing === 1 ? '1 spec' : `${plan.existing} specs`}); nothing to create.`);
		return;
	}
	new ContextFilesModal(plugin.app, {
		contexts: plan.contexts,
		problems: plan.problems,
		existing: plan.existing,
		onCreate: async () => {
			// The plan is applied as shown; a file changed since then refuses it, writing nothing.
			const written = await runOperation(plugin, (ws) => applyContextPlan(ws, plan));
			if (!written) return false;
			const n = plan.contexts.length;
			new Notice(n === 1 ? 'Created 1 context file.' : `Created ${n} context files.`);
			return true;
		},
	}).open();
}
