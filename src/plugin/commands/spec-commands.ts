import { Notice } from 'obsidian';
import { Spec } from '../../core/index/spec';
import { SpecIndex } from '../../core/index/spec-index';
import type { SpecType } from '../../core/templates/spec-templates';
import { NEW_SPEC, SUGGEST_ID } from '../../core/operations/new-spec';
import { VALIDATE } from '../../core/operations/validate';
import { NewSpecFields, NewSpecModal } from '../modals/new-spec-modal';
import { ValidateModal } from '../modals/validate-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { opensInObsidian } from '../shared/viewable-file';
import { activeSpec, openFile, runOperation } from './command-context';
import { addVaultCommand } from './command-flow';

/** "New spec…" and "Validate specs". */
export function registerSpecCommands(plugin: SpecWorkflowPlugin): void {
	addVaultCommand(plugin, { id: 'new-spec', name: 'New spec…', run: newSpecCommand });
	addVaultCommand(plugin, { id: 'validate-specs', name: 'Validate specs', run: validateCommand });
}

const PARENT_TYPE: Record<'feature' | 'task', SpecType> = { feature: 'epic', task: 'feature' };

/** Opens the new-spec modal, starting from the active note's spec: a feature under its epic, a task under its feature. */
export async function newSpecCommand(plugin: SpecWorkflowPlugin): Promise<void> {
	await plugin.indexReady;
	const index = plugin.index;
	const active = await activeSpec(plugin);
	// The active spec and its ancestors, nearest first: where a new child most likely belongs.
	const near = active ? [active, ...index.ancestorsOf(active).reverse()] : [];
	const nearest = (type: SpecType): Spec | null => near.find((s) => index.typeOf(s) === type) ?? null;
	const activeType = active ? index.typeOf(active) : null;
	new NewSpecModal(plugin.app, {
		type: activeType === 'epic' ? 'feature' : activeType === null ? 'epic' : 'task',
		parentsFor: (type) => (type === 'epic' ? [] : specsOfType(index, PARENT_TYPE[type])),
		defaultParent: (type) => (type === 'epic' ? null : (nearest(PARENT_TYPE[type])?.id ?? null)),
		suggestId: async (type, parent) => {
			try {
				return await SUGGEST_ID.run(plugin.workspace(), { type, parent: parent ?? undefined }, undefined);
			} catch {
				// A parent whose YAML is broken, say: the user types the id; creating says what is wrong.
				return '';
			}
		},
		onSubmit: (fields) => createSpec(plugin, fields),
	}).open();
}

async function createSpec(plugin: SpecWorkflowPlugin, fields: NewSpecFields): Promise<boolean> {
	// Said here in the modal's words; the core's messages name the CLI's options.
	if (fields.title.trim() === '' || /[\r\n]/.test(fields.title)) {
		new Notice(`Type a title for the new ${fields.type}.`);
		return false;
	}
	if (fields.type !== 'epic' && (fields.parent ?? '') === '') {
		const parent = PARENT_TYPE[fields.type];
		new Notice(`A new ${fields.type} needs a parent ${parent}: create ${parent === 'epic' ? 'an epic' : 'a feature'} first.`);
		return false;
	}
	const result = await runOperation(plugin, (ws) => NEW_SPEC.run(ws, fields, undefined));
	if (!result) return false;
	await openFile(plugin, result.spec.path);
	return true;
}

function specsOfType(index: SpecIndex, type: SpecType): { id: string; title: string }[] {
	return index
		.all()
		.filter((s) => index.typeOf(s) === type)
		.map((s) => ({ id: s.id, title: s.title }));
}

/** Validates the specs: a Notice when all is well, else the problems in a modal. */
export async function validateCommand(plugin: SpecWorkflowPlugin): Promise<void> {
	await plugin.indexReady;
	const result = await runOperation(plugin, (ws) => VALIDATE.run(ws, {}, undefined));
	if (!result) return;
	if (result.problems.length === 0) {
		new Notice(`No problems found in ${result.specs} spec${result.specs === 1 ? '' : 's'}.`);
		return;
	}
	new ValidateModal(plugin.app, result, {
		canOpen: (path) => opensInObsidian(plugin.app, path),
		open: (path) => openFile(plugin, path),
		fix: () => runOperation(plugin, (ws) => VALIDATE.run(ws, { fix: true }, undefined)),
	}).open();
}
