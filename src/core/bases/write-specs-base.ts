import { ChangeSet } from '../workspace/file-changes';
import { commitChanges, Workspace } from '../workspace/workspace';
import { WorkflowError } from '../workspace/workflow-error';
import { specsBasePath, specsBaseText } from './specs-base';

export interface SpecsBaseInput {
	/** The base's file name in the specs folder (default Specs.base). */
	file?: string;
	/** Replace a base that exists and differs (the user's edits are lost). */
	force?: boolean;
}

export interface SpecsBaseResult {
	path: string;
	/** created: there was none; unchanged: it already holds these bytes; replaced: --force overwrote the user's file. */
	action: 'created' | 'unchanged' | 'replaced';
	written: string[];
}

/**
 * Writes the specs base. The file is the user's once written: one that exists and differs (views
 * they added, a filter they changed) is refused, writing nothing, unless `force` says to replace it.
 */
export async function writeSpecsBase(ws: Workspace, input: SpecsBaseInput): Promise<SpecsBaseResult> {
	const path = specsBasePath(ws.settings.specsRoot, input.file);
	const text = specsBaseText(ws.settings.specsRoot);
	const changes = new ChangeSet(ws.store);
	if (!(await ws.store.exists(path))) {
		changes.create(path, text);
		return { path, action: 'created', written: await commitChanges(ws, changes) };
	}
	const current = await ws.store.read(path);
	if (current === text) return { path, action: 'unchanged', written: [] };
	if (input.force !== true) {
		throw new WorkflowError('base-exists', `${path} exists and differs from the base spec-work writes; nothing was written`, path, 'replace it with: spec-work base --force');
	}
	await changes.modify(path, () => text);
	return { path, action: 'replaced', written: await commitChanges(ws, changes) };
}
