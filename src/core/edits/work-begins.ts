import { formatLocalDateTime } from '../context/duration';
import type { Spec } from '../index/spec';
import { foreignContext } from './context-ownership';
import { ChangeSet } from '../workspace/file-changes';
import { noteStatus } from './session-edits';
import { setField, touchUpdated } from './spec-fields';
import type { Workspace } from '../workspace/workspace';

/** A spec that moved from planning to implementing because its work began. */
export interface WorkBegun {
	spec: string;
	from: 'planning';
	to: 'implementing';
}

/**
 * A spec is `planning` until its plan is approved and work begins, then `implementing`
 * (docs/formats.md). Work begins with an Implementation entry, or a task started or done: the spec
 * and its journal then move from planning to implementing. Any other status (none, blocked,
 * completed…) is the person's to change, and is left as written.
 */
export async function markWorkBegun(ws: Workspace, changes: ChangeSet, spec: Spec): Promise<WorkBegun | null> {
	let begun = false;
	for (const path of [spec.path, ws.index.contextPathOf(spec)]) {
		if (!(await changes.exists(path))) continue;
		// Another spec's journal (a shared or misfiled one) is never written on this spec's behalf.
		if (path !== spec.path && foreignContext(ws, spec, path, await changes.read(path)) !== null) continue;
		await changes.modify(path, (text) => {
			if (noteStatus(text, path).status !== 'planning') return text;
			if (path === spec.path) begun = true;
			return touchUpdated(setField(text, path, 'status', 'implementing'), path, formatLocalDateTime(ws.now()));
		});
	}
	return begun ? { spec: spec.id, from: 'planning', to: 'implementing' } : null;
}

/** `Spec 1014: planning → implementing`, as start says it: the line the CLI and the plugin add. */
export function workBegunLine(begun: WorkBegun | null): string {
	return begun ? `\nSpec ${begun.spec}: ${begun.from} → ${begun.to}` : '';
}
