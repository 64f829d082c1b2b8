import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { registerCommitCommands } from './commit-commands';
import { registerDeliverableCommands } from './deliverable-commands';
import { registerSpecCommands } from './spec-commands';

/** The commands that make things: deliverables and their report, specs, validation, recorded commits. */
export function registerArtifactCommands(plugin: SpecWorkflowPlugin): void {
	registerDeliverableCommands(plugin);
	registerSpecCommands(plugin);
	registerCommitCommands(plugin);
}
