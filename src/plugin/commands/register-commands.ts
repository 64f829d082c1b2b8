import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { registerArtifactCommands } from './artifact-commands';
import { registerBaseCommands } from './base-commands';
import { registerContextCommands } from './context-commands';
import { registerGitCommands } from './git-commands';
import { registerMigrateCommands } from './migrate-commands';
import { registerProposalCommands } from './proposal-commands';
import { registerReviewCommands } from './review-commands';
import { registerSessionCommands } from './session-commands';

/**
 * Every command the plugin adds. Each group lives in its own file under commands/ and registers
 * itself here, so the plugin class only calls this once.
 */
export function registerCommands(plugin: SpecWorkflowPlugin): void {
	registerSessionCommands(plugin);
	registerArtifactCommands(plugin);
	registerGitCommands(plugin);
	registerMigrateCommands(plugin);
	registerContextCommands(plugin);
	registerProposalCommands(plugin);
	registerReviewCommands(plugin);
	registerBaseCommands(plugin);
}
