import { readContextFile } from '../context/context-file';
import { formatLocalDate } from '../context/duration';
import { deliverableBytes } from '../deliverables/deliverable-bytes';
import { deliverableTypeKey } from '../context/registry';
import { withBaselineText } from '../context/registry-lines';
import { baselineOf } from '../deliverables/deliverable-drift';
import { activeSession } from '../context/session';
import { basename, dirname, joinPath } from '../files/paths';
import { specHeadingTitle } from '../templates/spec-templates';
import { ensureContextFile } from '../edits/context-creation';
import { ChangeSet } from '../workspace/file-changes';
import { addRegistryEntry, addToDeliverablesProperty, keepMdExtension, registryEditFor } from '../edits/registry-entry';
import { requireSafeName } from '../edits/safe-file-name';
import { appendToSessionSection, oneLine } from '../edits/session-edits';
import { authorFromParticipants, withTraceback } from '../edits/traceback-header';
import { WorkflowError } from '../workspace/workflow-error';
import { commitChanges, linkTo, requireSpec, Workspace } from '../workspace/workspace';

export interface AddDeliverableInput {
	/** The spec's id. */
	id: string;
	/** `scripts`, `docs`, `config` (synonyms such as `script`, `documentation` are accepted), or a custom folder name. */
	type: string;
	/** The file's name inside `deliverables/<type>/`: one name, no folders. */
	file: string;
	/** The link alias in the registries; defaults to the file name. */
	title?: string;
	purpose?: string;
	/** Where a config file is installed (`/etc/fstab`). */
	target?: string;
	/**
	 * The file's body; the traceback header is added to it. Empty when not given. Bytes (a file
	 * copied in) that are not UTF-8 text, or hold a NUL, or name a binary format, are written as
	 * they are, without a header.
	 */
	content?: string | Uint8Array;
	/** `Created: … by <author>`; defaults to the active session's participants, else the settings'. */
	author?: string;
}

export interface AddDeliverableResult {
	/** The deliverable's vault path. */
	path: string;
	/** Every file written (the deliverable, the spec, the context). */
	written: string[];
	/** Whether a `- Created …` entry went into the active session's Implementation. */
	sessionLogged: boolean;
}

/** The known types with a folder of their own (code changes are listed, not kept under deliverables/). */
const TYPE_FOLDERS = ['scripts', 'docs', 'config'];

/**
 * Adds a deliverable (docs/formats.md, Deliverables): writes `<spec folder>/deliverables/<type>/<file>` with its
 * traceback header, links it from the spec's `## Deliverables` (or its `deliverables` property,
 * when it keeps that and no section) and the context's registry (with the purpose), and records
 * `- Created [[…]]` in the active session's Implementation. Creates the context file when the
 * spec has none. Everything is planned first: a refusal writes nothing.
 */
export async function addDeliverable(ws: Workspace, input: AddDeliverableInput): Promise<AddDeliverableResult> {
	const spec = requireSpec(ws, input.id);
	const folder = deliverableFolder(input.type);
	requireSafeName(input.file, 'deliverable file name');
	const path = joinPath(dirname(spec.path), 'deliverables', folder, input.file);
	await refuseExisting(ws, path);

	const changes = new ChangeSet(ws.store);
	const context = await ensureContextFile(ws, changes, spec);
	const session = activeSession(readContextFile(await changes.read(context.path)).sessions);
	const title = oneLine(input.title) || input.file;
	const purpose = oneLine(input.purpose);

	// A binary file is copied byte for byte: a header would break it (docs/formats.md, Deliverables).
	const content = input.content instanceof Uint8Array ? deliverableBytes(input.file, input.content) : { kind: 'text' as const, text: input.content ?? '' };
	const traceback = {
		specLink: linkTo(ws, path, spec.path, specHeadingTitle(spec.id, spec.title)),
		contextLink: linkTo(ws, path, context.path, 'Implementation Journal'),
		specPath: spec.path,
		contextPath: context.path,
		purpose,
		target: input.target,
		created: formatLocalDate(ws.now()),
		author: oneLine(input.author) || authorFromParticipants(session?.fields.participants?.value || ws.settings.defaultParticipants),
	};
	const written = content.kind === 'binary' ? content.bytes : withTraceback(input.file, content.text, traceback, path);
	changes.create(path, written);
	// The context's entry carries the file's baseline, so a later edit of it shows as changed since review.
	const baseline = typeof written === 'string' ? baselineOf(written) : null;

	await changes.modify(
		spec.path,
		(text) =>
			addToDeliverablesProperty(text, spec.path, path) ??
			addRegistryEntry(text, spec.path, path, registryEditFor(ws, { spec, notePath: spec.path, note: 'spec', deliverable: path, title })),
	);
	await changes.modify(context.path, (text) => {
		const edit = registryEditFor(ws, { spec, notePath: context.path, note: 'context', deliverable: path, title, purpose });
		return addRegistryEntry(text, context.path, path, baseline === null ? edit : { ...edit, line: withBaselineText(edit.line, baseline) });
	});
	let sessionLogged = false;
	if (session) {
		await changes.modify(context.path, (text) => {
			const active = activeSession(readContextFile(text).sessions);
			if (!active) return text;
			sessionLogged = true;
			return appendToSessionSection(text, active, 'implementation', `- Created ${keepMdExtension(ws, linkTo(ws, context.path, path, title), context.path, path)}`, context.path)
				.text;
		});
	}
	return { path, written: await commitChanges(ws, changes), sessionLogged };
}

/** The folder under `deliverables/`: the canonical name for a known type, else the name as given. */
export function deliverableFolder(type: string): string {
	const name = type.trim();
	requireSafeName(name, 'deliverable type');
	const key = deliverableTypeKey(name);
	return TYPE_FOLDERS.includes(key) ? key : name;
}

/** Refuses a taken name, also one that differs only in case (one file on macOS and Windows). */
async function refuseExisting(ws: Workspace, path: string): Promise<void> {
	const taken = (await ws.store.exists(path))
		? path
		: (await ws.store.list(dirname(path)).catch(() => [])).find((f) => dirname(f.path) === dirname(path) && basename(f.path).toLowerCase() === basename(path).toLowerCase())?.path;
	if (taken) throw new WorkflowError('exists', `${taken} already exists; nothing was written (choose another file name)`, taken);
}
