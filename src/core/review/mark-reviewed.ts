import { readContextFile } from '../context/context-file';
import { withBaselineText } from '../context/registry-lines';
import type { DeliverableDrift } from '../deliverables/deliverable-drift';
import { applyEdits } from '../markdown/text-edit';
import { ChangeSet } from '../workspace/file-changes';
import { commitChanges, requireSpec, type Workspace } from '../workspace/workspace';
import { formatLocalDateTime } from '../context/duration';
import { specTasks } from '../reports/progress-rollup';
import { readReviewMark, taskLetters, writeReviewMark } from '../metadata/review-mark';
import { sinceReviewOf } from './since-review';

export interface MarkReviewedInput {
	id: string;
	/** Re-baseline deliverables that changed since review too (accept their new content). */
	accept?: boolean;
	/** With accept: only these deliverables (vault paths); every changed one when absent. */
	paths?: string[];
	/** `reviewed_by`; omitted when empty. */
	by?: string;
}

export interface MarkReviewedResult {
	id: string;
	/** The mark the spec holds now. */
	reviewed: string;
	/** A later mark (made on another device, synced in) was already there and was kept. */
	keptLater: boolean;
	/** Deliverables given their first baseline. */
	baselined: string[];
	/** Changed deliverables re-baselined (accepted). */
	accepted: string[];
	/** Deliverables still changed since review (not accepted). */
	changed: string[];
	written: string[];
}

/**
 * Marks a spec reviewed (docs/plugin.md, Review): writes `reviewed: YYYY-MM-DD HH:MM`,
 * `reviewed_by` and `reviewed_tasks` in the spec's properties, and a baseline on each registry
 * entry that has none. A deliverable that changed since its baseline keeps it (and stays flagged)
 * unless `accept` is given. A mark later than this device's clock, synced in from another device,
 * wins: it is kept as it is, and only baselines are written. Nothing else in either file changes.
 */
export async function markReviewed(ws: Workspace, input: MarkReviewedInput): Promise<MarkReviewedResult> {
	const spec = requireSpec(ws, input.id);
	const changes = new ChangeSet(ws.store);
	const before = await sinceReviewOf(ws, spec);
	const stamp = formatLocalDateTime(ws.now());
	const keptLater = before.reviewed !== null && before.reviewed > stamp;
	const { tasks } = await specTasks(ws, spec);
	if (!keptLater) {
		await changes.modify(spec.path, (text) => writeReviewMark(text, stamp, input.by ?? '', taskLetters(tasks.map((t) => t.state))));
	}
	const only = input.paths && input.paths.length > 0 ? new Set(input.paths) : null;
	const accepting = (d: DeliverableDrift) => input.accept === true && d.state === 'changed' && (only === null || only.has(d.path));
	const rebase = before.drift.filter((d) => (d.state === 'new' || accepting(d)) && d.current !== null);
	const contextPath = ws.index.contextPathOf(spec);
	if (rebase.length > 0) {
		const hashes = new Map(rebase.map((d) => [d.entry.lineStart, d.current as string]));
		await changes.modify(contextPath, (text) => {
			const entries = readContextFile(text).deliverables.entries.filter((e) => hashes.has(e.lineStart));
			return applyEdits(
				text,
				entries.map((e) => ({ start: e.lineStart, end: e.lineEnd, text: withBaselineText(text.slice(e.lineStart, e.lineEnd), hashes.get(e.lineStart) as string) })),
			);
		});
	}
	const written = await commitChanges(ws, changes);
	const accepted = rebase.filter((d) => d.state === 'changed').map((d) => d.path);
	return {
		id: spec.id,
		reviewed: keptLater ? (before.reviewed as string) : stamp,
		keptLater,
		baselined: rebase.filter((d) => d.state === 'new').map((d) => d.path),
		accepted,
		changed: before.drift.filter((d) => d.state === 'changed' && !accepted.includes(d.path)).map((d) => d.path),
		written,
	};
}

/** The mark a spec's text holds, for callers that only read. */
export { readReviewMark };
