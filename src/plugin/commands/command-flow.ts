import { Notice } from 'obsidian';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { failureMessage } from './command-context';

/*
 * Commands come in two kinds, each registered one way:
 * - on one spec: addSpecCommand (spec-command.ts) finds the spec (the active note's, else a picker),
 *   checks it and runs the command's flow with runSpecFlow, as the panel's buttons do;
 * - on the whole vault: addVaultCommand, below.
 * Either way the flow's unexpected failure becomes a Notice (commandFlow).
 */

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

export interface VaultCommand {
	id: string;
	name: string;
	run(plugin: SpecWorkflowPlugin): Promise<void>;
}

/** Registers a command on the whole vault (no spec to choose). */
export function addVaultCommand(plugin: SpecWorkflowPlugin, command: VaultCommand): void {
	plugin.addCommand({ id: command.id, name: command.name, callback: () => commandFlow(command.run(plugin)) });
}
