import { Notice } from 'obsidian';
import { dirname } from '../../core/files/paths';
import { Spec } from '../../core/index/spec';
import { DELIVER } from '../../core/operations/deliver';
import { DELIVERABLES } from '../../core/operations/deliverables';
import { metadataBacklinks } from '../shared/metadata-backlinks';
import { AddDeliverableModal } from '../modals/add-deliverable-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { opensInObsidian } from '../shared/viewable-file';
import { openFile, runOperation } from './command-context';
import { addSpecCommand } from './spec-command';
import { specHeadingTitle } from '../../core/templates/spec-templates';

/** "Add deliverable…" and "Generate deliverables report". */
export function registerDeliverableCommands(plugin: SpecWorkflowPlugin): void {
	addSpecCommand(plugin, { id: 'add-deliverable', name: 'Add deliverable…', placeholder: 'Add a deliverable to which spec?', flow: addDeliverableFlow });
	addSpecCommand(plugin, { id: 'deliverables-report', name: 'Generate deliverables report', placeholder: 'Report on which spec’s deliverables?', flow: deliverablesReportFlow });
}

/** The add-deliverable modal for the spec; resolves once the modal is open. */
export async function addDeliverableFlow(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	new AddDeliverableModal(plugin.app, {
		specLabel: specHeadingTitle(spec.id, spec.title),
		specFolder: dirname(spec.path),
		types: plugin.settings.deliverableTypes,
		onSubmit: async (fields) => {
			const result = await runOperation(plugin, (ws) => DELIVER.run(ws, { id: spec.id, ...fields }, undefined));
			if (!result) return false;
			await showDeliverable(plugin, spec, result.path);
			return true;
		},
	}).open();
}

/**
 * Opens a new deliverable when Obsidian can show it (markdown, canvas, PDF…). A script or config
 * file would only open as an empty tab (or leave Obsidian), so the spec's context note opens
 * instead: its Deliverables registry and the session's Implementation now link the file.
 */
async function showDeliverable(plugin: SpecWorkflowPlugin, spec: Spec, path: string): Promise<void> {
	if (opensInObsidian(plugin.app, path)) {
		await openFile(plugin, path);
		return;
	}
	const current = plugin.index.byPath(spec.path) ?? spec;
	new Notice(`Created ${path}. Obsidian cannot show this kind of file: open it from its link in the context note.`);
	await openFile(plugin, plugin.index.contextPathOf(current));
}

/** Writes `<id>.deliverables.md` beside the spec, with backlinks from Obsidian's link index, and opens it. */
async function deliverablesReportFlow(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const result = await runOperation(plugin, (ws) => DELIVERABLES.run(ws, { id: spec.id, write: true }, { backlinks: metadataBacklinks(plugin.app.metadataCache) }));
	if (result?.saved) await openFile(plugin, result.saved.path);
}
