import { Notice } from 'obsidian';
import { BASE } from '../../core/operations/base';
import { SpecsBaseResult } from '../../core/bases/write-specs-base';
import { WorkflowError } from '../../core/workspace/workflow-error';
import { ReplaceBaseModal } from '../modals/replace-base-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { failureMessage, openFile, runOperation } from './command-context';
import { addVaultCommand } from './command-flow';

/** "Write specs base": the same operation as `spec-work base`, the file name from the settings. */
export function registerBaseCommands(plugin: SpecWorkflowPlugin): void {
	addVaultCommand(plugin, { id: 'write-specs-base', name: 'Write specs base', run: writeSpecsBaseCommand });
}

/**
 * Writes the base and opens it. One that exists and differs is the user's: a modal asks before
 * replacing it, where the CLI wants --force.
 */
export async function writeSpecsBaseCommand(plugin: SpecWorkflowPlugin): Promise<void> {
	await plugin.indexReady;
	const file = plugin.settings.specsBaseFile;
	// The refusal to overwrite comes back as a value, to be asked about; any other as a Notice.
	const r = await runOperation(plugin, (ws) =>
		BASE.run(ws, { file }, undefined).catch((e: unknown) => {
			if (e instanceof WorkflowError && e.code === 'base-exists') return e;
			throw e;
		}),
	);
	if (r === null) return;
	if (!(r instanceof WorkflowError)) return written(plugin, r);
	const path = r.path ?? r.message;
	new ReplaceBaseModal(plugin.app, path, async () => {
		const replaced = await runOperation(plugin, (ws) => BASE.run(ws, { file, force: true }, undefined));
		if (replaced) await written(plugin, replaced);
		return replaced !== null;
	}).open();
}

async function written(plugin: SpecWorkflowPlugin, r: SpecsBaseResult): Promise<void> {
	new Notice(r.action === 'unchanged' ? `${r.path} is up to date.` : `${r.action === 'created' ? 'Wrote' : 'Replaced'} ${r.path}.`);
	try {
		await openFile(plugin, r.path);
	} catch (e) {
		new Notice(failureMessage(e));
	}
}
