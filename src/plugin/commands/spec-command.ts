import { Spec } from '../../core/index/spec';
import { requireSpec } from '../../core/workspace/workspace';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { runOperation, specForCommand } from './command-context';
import { commandFlow } from './command-flow';

/** What a command does once it has its spec: asks what it needs (a modal) and runs the operation. */
export type SpecFlow = (plugin: SpecWorkflowPlugin, spec: Spec) => Promise<void>;

export interface SpecCommand {
	id: string;
	name: string;
	/** The spec picker's prompt when no active note belongs to a spec. */
	placeholder: string;
	flow: SpecFlow;
	/** Another way to choose the spec than the active note's, else the picker (null when dismissed). */
	choose?: (plugin: SpecWorkflowPlugin) => Promise<Spec | null>;
	/** Return at once rather than the flow: whoever runs the command does not wait on the user's answers. */
	detached?: boolean;
}

/**
 * Runs a flow on a spec already chosen (the panel's, or the command's): the spec is checked as the
 * core will check it (unknown, duplicate id, broken properties) before anything is asked, and an
 * unexpected failure becomes a Notice; the workflow's own refusals are Notices already (runOperation).
 */
export function runSpecFlow(plugin: SpecWorkflowPlugin, spec: Spec, flow: SpecFlow): Promise<void> {
	return commandFlow(
		(async () => {
			const checked = await runOperation(plugin, (ws) => Promise.resolve(requireSpec(ws, spec.id)));
			if (checked) await flow(plugin, checked);
		})(),
	);
}

/** Registers a command acting on one spec: the active note's when there is one, else the one picked. */
export function addSpecCommand(plugin: SpecWorkflowPlugin, command: SpecCommand): void {
	const choose = command.choose ?? ((p: SpecWorkflowPlugin) => specForCommand(p, command.placeholder));
	plugin.addCommand({
		id: command.id,
		name: command.name,
		callback: () => {
			const flow = commandFlow(
				(async () => {
					const spec = await choose(plugin);
					if (spec) await runSpecFlow(plugin, spec, command.flow);
				})(),
			);
			return command.detached ? undefined : flow;
		},
	});
}
