import type { ContextFile } from '../context/context-file';
import type { Deliverable } from '../context/registry';
import { isBinaryPath } from './file-kind';
import { ownFile } from './spec-deliverables';
import { dirname } from '../files/paths';
import { contentHash } from '../workspace/revision';
import type { Workspace } from '../workspace/workspace';

/*
 * Deliverable drift (docs/formats.md, Deliverables): each entry of the context's `## Deliverables`
 * registry may end with its baseline, `` `hash:1a2b3c4d` ``, the content hash recorded when the
 * file was registered or its spec last reviewed. The file compared with that hash tells whether it
 * changed since. The hash lives in the entry, not beside the file, so a rename that rewrites the
 * link keeps it.
 */

/** Hex digits of a baseline: short enough to read on a phone, long enough that an edit changes it. */
export const BASELINE_LENGTH = 8;

/** The baseline of a file's text: the first 8 hex digits of its content hash (FNV-1a over the UTF-8 bytes). */
export function baselineOf(text: string): string {
	return contentHash(text).slice(0, BASELINE_LENGTH);
}

/**
 * - `unchanged`: the file matches its baseline;
 * - `changed`: it no longer does (changed since review);
 * - `new`: registered without a baseline yet (listed by hand, or before baselines were kept);
 * - `renamed`: the entry's link leads nowhere, but a file beside the spec's other deliverables holds
 *   the baseline's content (moved without the link being updated);
 * - `deleted`: the link leads nowhere and no such file is found;
 * - `unreadable`: the file is there but not text (a binary file), so it has no baseline.
 */
export type DriftState = 'unchanged' | 'changed' | 'new' | 'renamed' | 'deleted' | 'unreadable';

export interface DeliverableDrift {
	/** Where the entry's link resolves, or where it points when the file is gone. */
	path: string;
	/** The link's alias, else the file name. */
	title: string;
	state: DriftState;
	/** The recorded baseline, or null. */
	baseline: string | null;
	/** The file's hash now, or null when it cannot be read. */
	current: string | null;
	/** For `renamed`: where the file is now. */
	renamedTo: string | null;
	/** The registry entry (its offsets in the context's text). */
	entry: Deliverable;
}

/** The drift of every linked entry of a context's registry, in registry order; code changes (outside the vault) are not tracked. */
export async function deliverableDrift(ws: Workspace, contextPath: string, context: ContextFile | null): Promise<DeliverableDrift[]> {
	if (!context) return [];
	const out: DeliverableDrift[] = [];
	const resolved: string[] = [];
	for (const entry of context.deliverables.entries) {
		if ((entry.kind !== 'wikilink' && entry.kind !== 'markdown') || !entry.target) continue;
		const meant = joinGuess(contextPath, entry.target);
		const found = ownFile(ws, ws.links.resolve(entry.target, contextPath), meant);
		const path = found ?? meant;
		const title = entry.alias?.trim() || path.slice(path.lastIndexOf('/') + 1);
		const current = found === null ? null : await hashOf(ws, found);
		if (found !== null) resolved.push(found);
		const state: DriftState = found === null ? 'deleted' : current === null ? 'unreadable' : entry.baseline === null ? 'new' : entry.baseline === current ? 'unchanged' : 'changed';
		out.push({ path, title, state, baseline: entry.baseline, current, renamedTo: null, entry });
	}
	await findRenames(ws, out, new Set(resolved));
	return out;
}

/** A gone file whose baseline a file of the same deliverables folder still holds was moved, not deleted. */
async function findRenames(ws: Workspace, drift: DeliverableDrift[], registered: ReadonlySet<string>): Promise<void> {
	const gone = drift.filter((d) => d.state === 'deleted' && d.baseline !== null);
	if (gone.length === 0) return;
	const hashes = new Map<string, string | null>();
	for (const d of gone) {
		const folder = deliverablesFolderOf(d.path);
		if (folder === null) continue;
		const files = await ws.store.list(folder).catch(() => []);
		for (const file of files) {
			// Another entry's file, or no deliverable at all: an editor's backup (`x.sh~`) holds the old content too.
			if (registered.has(file.path) || ws.index.roleOf(file.path) !== 'deliverable') continue;
			if (!hashes.has(file.path)) hashes.set(file.path, await hashOf(ws, file.path));
			if (hashes.get(file.path) === d.baseline) {
				d.state = 'renamed';
				d.renamedTo = file.path;
				break;
			}
		}
	}
}

/** `specs/1/deliverables/scripts/x.sh` → `specs/1/deliverables`; null outside a deliverables folder. */
function deliverablesFolderOf(path: string): string | null {
	const parts = path.split('/');
	const at = parts.lastIndexOf('deliverables', parts.length - 2);
	return at < 0 ? null : parts.slice(0, at + 1).join('/');
}

/** The file's baseline hash, or null when it is gone or not text; from the workspace's memo when it keeps one. */
export async function hashOf(ws: Workspace, path: string): Promise<string | null> {
	if (isBinaryPath(path)) return null;
	return ws.baselines ? ws.baselines.get(ws.store, path, (p) => readHash(ws, p)) : readHash(ws, path);
}

/** The plain rule: read the file and hash it. */
async function readHash(ws: Workspace, path: string): Promise<string | null> {
	try {
		return baselineOf(await ws.store.read(path));
	} catch {
		return null;
	}
}

function joinGuess(source: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = dirname(source) === '' ? [] : dirname(source).split('/');
	for (const part of target.split('/')) {
		if (part === '..') parts.pop();
		else if (part !== '.' && part !== '') parts.push(part);
	}
	return parts.join('/');
}

/** Whether the entry needs the reviewer's eye: its file changed, is new to review, or is gone. */
export function needsReview(d: DeliverableDrift): boolean {
	return d.state === 'changed' || d.state === 'new' || d.state === 'renamed' || d.state === 'deleted';
}
