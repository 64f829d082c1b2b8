import type { BaselineMemo } from '../deliverables/baseline-memo';
import type { MigrationLogStore } from '../migration/migration-host';
import { FileStore } from '../files/file-store';
import { blockingYamlProblem } from '../index/index-problems';
import { SpecIndex } from '../index/spec-index';
import { Spec } from '../index/spec';
import { unreadableSpecNotes } from '../index/unreadable-specs';
import { formatLink, LinkLookup, LinkStyle } from '../links/link-format';
import { ChangeSet } from './file-changes';
import { WorkflowError } from './workflow-error';

export interface WorkflowSettings {
	specsRoot: string;
	linkStyle: LinkStyle;
	/** Who takes part in a session unless the caller says otherwise ("User, Claude"). */
	defaultParticipants: string;
}

/**
 * Everything a workflow operation needs, injected so the plugin and the CLI run the same code
 * and tests can fix the clock. Operations never read the real time or the real disk.
 */
export interface Workspace {
	store: FileStore;
	index: SpecIndex;
	/** Link resolution with Obsidian's rules: the core LinkResolver in the CLI, the metadata cache in the plugin. */
	links: LinkLookup & { add?(path: string): void };
	settings: WorkflowSettings;
	now: () => Date;
	/** Deliverables' hashes kept between calls (the plugin keeps one; a CLI call hashes afresh). */
	baselines?: BaselineMemo;
	/** The shell's migration logs: while the newest is unfinished the vault is half moved, and every write is refused. */
	migrationLogs?: MigrationLogStore;
}

/** The spec for an id, or a WorkflowError naming the problem (unknown id, duplicate id). */
export function requireSpec(ws: Workspace, id: string): Spec {
	const matches = ws.index.lookup(id);
	if (matches.length === 0) {
		// A spec file that could not be read (not UTF-8, say) is not in the index: say so, not "no spec",
		// or an agent creates the spec again (`new --id`) beside the one it could not read.
		const [named] = unreadableSpecNotes(ws.index, id);
		if (named) throw new WorkflowError('unreadable', named.message, named.path);
		// Each with its reason (`… not UTF-8 text (0xe9 at byte 10) …`), so the fix is plain.
		const notes = unreadableSpecNotes(ws.index).map((p) => p.message);
		const maybe =
			notes.length === 0
				? ''
				: `; ${notes.length === 1 ? 'a spec note' : `${notes.length} spec notes`} could not be read, and may be it: ${notes.slice(0, 3).join('; ')}${notes.length > 3 ? '; …' : ''}`;
		throw new WorkflowError('unknown-id', `No spec with id "${id}" under ${ws.settings.specsRoot}/${maybe}`);
	}
	if (matches.length > 1) {
		throw new WorkflowError('duplicate-id', `Id "${id}" is used by more than one spec: ${matches.map((s) => s.path).join(', ')}`);
	}
	// Its properties cannot be trusted (nor safely edited) until the YAML is mended.
	const broken = blockingYamlProblem(ws.index.problemsOf(matches[0].path));
	if (broken) throw new WorkflowError('malformed-yaml', broken.message, broken.path);
	return matches[0];
}

/** A link from one vault file to another, in the workspace's link style, checked to resolve back. */
export function linkTo(ws: Workspace, sourcePath: string, targetPath: string, alias?: string | null): string {
	return formatLink({ sourcePath, targetPath, alias: alias ?? null, style: ws.settings.linkStyle, resolver: ws.links });
}

/**
 * Applies planned changes and keeps the workspace's index and link lookup current, so the next
 * operation in the same process sees them (the plugin's vault events repeat this harmlessly).
 * Returns the paths written.
 */
export async function commitChanges(ws: Workspace, changes: ChangeSet): Promise<string[]> {
	const written = await changes.apply();
	for (const change of changes.list()) {
		if (!written.includes(change.path)) continue;
		if (change.kind === 'create') ws.links.add?.(change.path);
		// A binary file has no text for the index (only spec candidates are read, and those are notes).
		ws.index.update(change.path, change.kind === 'create' ? (typeof change.text === 'string' ? change.text : undefined) : change.after);
	}
	return written;
}
