import { formatLocalDateTime } from '../context/duration';
import { SESSION_SECTION_HEADINGS, type Session, type SessionSectionKey } from '../context/session';
import { ChangeSet } from '../workspace/file-changes';
import { activeSessionIn, appendToSessionSection, formatItem, requireActiveSession, sessionSectionFor } from '../edits/session-edits';
import { touchUpdated } from '../edits/spec-fields';
import { markWorkBegun, type WorkBegun } from '../edits/work-begins';
import { WorkflowError } from '../workspace/workflow-error';
import { commitChanges, requireSpec, Workspace } from '../workspace/workspace';

export type LogSection = SessionSectionKey;

export interface LogOptions {
	id: string;
	/** planning, changes, implementation, testing, commits or issues (synonyms such as `tests` are read too). */
	section: LogSection;
	/** The entry. Commits: `<hash> <message>` or `<hash>: <message>`. Issues: the issue. */
	text: string;
	/** Issues only: how it was resolved. */
	resolution?: string;
	/** Issues only: the commit that fixed it. */
	commit?: string;
}

export interface LogResult {
	/** The session written to. */
	session: number;
	/** The subsection's heading as it stands in the file (`Issues & Resolutions`). */
	heading: string;
	/** Empty when nothing changed (a commit already recorded in the session). */
	written: string[];
	/** An Implementation entry in a spec still planning: its work began, and the spec is implementing now. */
	workBegun: WorkBegun | null;
}

const HASH = /^[0-9a-f]{4,40}$/i;

/**
 * Appends an entry to a subsection of the spec's active session, creating the `#### Heading` at
 * its place in the reference layout's order when the session has none yet:
 *
 * - most sections: `- text`; a multi-line text is one item with its further lines indented under it;
 * - commits: `` - `a1b2c3d`: message `` (a hash already listed in the session is not added twice);
 * - issues: `- **Issue**: text`, then `- **Resolution**: …` and `- **Commit**: `hash`` when given.
 *
 * Also sets the context's `updated`. Without an active session nothing is written and the error
 * says how to start one.
 */
export async function logEntry(ws: Workspace, options: LogOptions): Promise<LogResult> {
	const key = sessionSectionFor(options.section);
	if (!key) {
		throw new WorkflowError('unknown-section', `Unknown session section "${options.section}": use ${Object.keys(SESSION_SECTION_HEADINGS).join(', ')}`);
	}
	if (key !== 'issues' && (options.resolution !== undefined || options.commit !== undefined)) {
		throw new WorkflowError('bad-option', `A resolution or fixing commit belongs to an issues entry, not to ${key}`);
	}
	if (options.text.trim() === '') throw new WorkflowError('empty-entry', `Nothing to log: the ${key} entry is empty`);
	const spec = requireSpec(ws, options.id);
	if (key === 'commits') {
		const commit = parseCommitText(options.text);
		return record(ws, spec.id, commit.hash, commit.message);
	}
	const item = key === 'issues' ? issueItem(options) : formatItem(options.text);
	return append(ws, options.id, key, () => item);
}

/** Records a commit in the active session's `#### Commits` (used by the git features too). */
export async function recordCommit(ws: Workspace, options: { id: string; hash: string; message: string }): Promise<LogResult> {
	const hash = options.hash.trim();
	if (!HASH.test(hash)) throw badHash(hash);
	return record(ws, options.id, hash, options.message);
}

async function record(ws: Workspace, id: string, hash: string, message: string): Promise<LogResult> {
	return append(ws, id, 'commits', (session) => (alreadyListed(session, hash) ? null : commitItem(hash, message)));
}

/**
 * Plans the append and writes it. `itemFor` sees the active session and may return null when the
 * entry is already there, which then writes nothing.
 */
async function append(ws: Workspace, id: string, key: SessionSectionKey, itemFor: (session: Session) => string | null): Promise<LogResult> {
	const spec = requireSpec(ws, id);
	const changes = new ChangeSet(ws.store);
	const { path, session } = await requireActiveSession(ws, changes, spec);
	const item = itemFor(session);
	let heading: string = SESSION_SECTION_HEADINGS[key];
	if (item !== null) {
		await changes.modify(path, (text) => {
			const result = appendToSessionSection(text, activeSessionIn(text, spec, path), key, item, path);
			heading = result.heading;
			return touchUpdated(result.text, path, formatLocalDateTime(ws.now()));
		});
	} else {
		heading = session.entries.find((e) => e.section === key)?.heading ?? heading;
	}
	const workBegun = key === 'implementation' && item !== null ? await markWorkBegun(ws, changes, spec) : null;
	const written = await commitChanges(ws, changes);
	return { session: session.number, heading, written, workBegun };
}

function badHash(hash: string): WorkflowError {
	return new WorkflowError('bad-commit', `"${hash}" is not a commit hash (4 to 40 hex digits); write the entry as "<hash> <message>"`);
}

/** `a1b2c3d Add script`, `a1b2c3d: Add script`, `` `a1b2c3d` - Add script ``. */
export function parseCommitText(text: string): { hash: string; message: string } {
	const s = text.replace(/\r\n?/g, '\n').trim();
	const m = /^`?([^\s`:]+)`?(?:[ \t]*:[ \t]*|[ \t]+[-–—][ \t]+|\s+|$)([\s\S]*)$/.exec(s);
	const hash = m?.[1] ?? s;
	if (!m || !HASH.test(hash)) throw badHash(hash.split(/\s/)[0]);
	return { hash, message: m[2] };
}

function commitItem(hash: string, message: string): string {
	return message.trim() === '' ? `- \`${hash}\`\n` : formatItem(message, `- \`${hash}\`: `);
}

/** A hash already in the session's Commits: the same commit, possibly abbreviated to another length. */
function alreadyListed(session: Session, hash: string): boolean {
	const h = hash.toLowerCase();
	return session.commits.some((c) => {
		const other = c.hash.toLowerCase();
		return other.startsWith(h) || h.startsWith(other);
	});
}

function issueItem(options: LogOptions): string {
	let out = formatItem(options.text, '- **Issue**: ');
	if (options.resolution !== undefined && options.resolution.trim() !== '') out += formatItem(options.resolution, '- **Resolution**: ');
	if (options.commit !== undefined && options.commit.trim() !== '') {
		const hash = options.commit.trim().replace(/^`|`$/g, '');
		if (!HASH.test(hash)) throw badHash(hash);
		out += `- **Commit**: \`${hash}\`\n`;
	}
	return out;
}
