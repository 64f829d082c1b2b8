import { Notice, TFile } from 'obsidian';
import { FileStoreError } from '../../core/files/file-store';
import { ownerOfFile } from '../../core/deliverables/spec-deliverables';
import { Spec } from '../../core/index/spec';
import { WorkflowError } from '../../core/workspace/workflow-error';
import { Workspace } from '../../core/workspace/workspace';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { pickSpec } from '../shared/spec-picker';

/**
 * The spec the active note belongs to (the spec itself, its context, a deliverable or its report),
 * by the rule the report and validate follow: a task's deliverable in its feature's folder whose
 * traceback names the task is the task's, so reading it may take the file's text.
 */
export async function activeSpec(plugin: SpecWorkflowPlugin): Promise<Spec | null> {
	const file = plugin.app.workspace.getActiveFile();
	return file ? ownerOfFile(plugin.workspace(), file.path) : null;
}

/** The active note's spec when there is one, else asks with the spec picker (null when dismissed). */
export async function specForCommand(plugin: SpecWorkflowPlugin, placeholder?: string): Promise<Spec | null> {
	await plugin.indexReady;
	const active = await activeSpec(plugin);
	if (active) return active;
	if (plugin.index.size === 0) {
		new Notice(`No specs under ${plugin.settings.specsRoot}/ yet. Create one with "New spec".`);
		return null;
	}
	return pickSpec(plugin.app, plugin.index, null, placeholder);
}

/**
 * Runs a workflow operation and turns its failure into a Notice that says what is wrong. The
 * core plans every edit before writing, so a failed operation has changed nothing.
 */
export async function runOperation<T>(plugin: SpecWorkflowPlugin, operation: (ws: Workspace) => Promise<T>): Promise<T | null> {
	try {
		return await operation(plugin.workspace());
	} catch (e) {
		new Notice(failureMessage(e));
		return null;
	}
}

/** What to do next, in the plugin's words, for failures whose fix is another command. */
const PLUGIN_HINTS: Record<string, string> = {
	'no-active-session': 'start one with "Start work on spec…"',
	'no-context': 'start work on it first with "Start work on spec…"',
	'unfinished-migration': 'finish or undo it with "Migrate specs to the new layout…"',
};

export function failureMessage(e: unknown): string {
	if (e instanceof WorkflowError) return PLUGIN_HINTS[e.code] ? `${e.message}; ${PLUGIN_HINTS[e.code]}` : e.message;
	if (e instanceof FileStoreError) return e.message;
	return `Spec workflow failed: ${e instanceof Error ? e.message : String(e)}`;
}

/** Opens a vault file in the current tab (a new one when the current tab is pinned). */
export async function openFile(plugin: SpecWorkflowPlugin, path: string): Promise<void> {
	const file = plugin.app.vault.getFileByPath(path);
	if (file instanceof TFile) await plugin.app.workspace.getLeaf(false).openFile(file);
}
