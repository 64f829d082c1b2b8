import { readContextFile } from '../context/context-file';
import { formatLocalDate } from '../context/duration';
import { DELIVERABLE_TYPE_HEADINGS, deliverableTypeKey, formatDeliverableEntry, parseDeliverables } from '../context/registry';
import { activeSession, SESSION_SECTION_HEADINGS, sessionSectionKey } from '../context/session';
import { basename, dirname, joinPath, normalizeVaultPath } from '../files/paths';
import { detectEol } from '../markdown/eol';
import { appendToSection, ensureSection, ensureSectionIn } from '../markdown/section-edits';
import { findSection, flattenSections, parseSections, type Section, type SectionMatcher } from '../markdown/sections';
import { applyEdits } from '../markdown/text-edit';
import { CONTEXT_SECTION_ORDER } from '../templates/context-template';
import { SPEC_SECTION_ORDER, specHeadingTitle } from '../templates/spec-templates';
import { ensureContextFile } from './context-creation';
import { ChangeSet } from './file-changes';
import { requireSafeName } from './safe-file-name';
import { authorFromParticipants, withTraceback } from './traceback-header';
import { WorkflowError } from './workflow-error';
import { commitChanges, linkTo, requireSpec, Workspace } from './workspace';

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
	/** The file's body; the traceback header is added to it. Empty when not given. */
	content?: string;
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

const KNOWN_TYPES = ['scripts', 'docs', 'config', 'code'] as const;

/** The spec's own group headings (the seed writes `### Configuration` in specs, `### Configuration Files` in contexts). */
const SPEC_TYPE_HEADINGS: Record<string, string> = { scripts: 'Scripts', docs: 'Documentation', config: 'Configuration', code: 'Code Changes' };

/**
 * Adds a deliverable (DESIGN.md §6): writes `<spec folder>/deliverables/<type>/<file>` with its
 * traceback header, links it from the spec's `## Deliverables` and the context's registry (with
 * the purpose), and records `- Created [[…]]` in the active session's Implementation. Creates the
 * context file when the spec has none. Everything is planned first: a refusal writes nothing.
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
	const typeKey = deliverableTypeKey(folder);

	changes.create(
		path,
		withTraceback(
			input.file,
			input.content ?? '',
			{
				specLink: linkTo(ws, path, spec.path, specHeadingTitle(spec.id, spec.title)),
				contextLink: linkTo(ws, path, context.path, 'Implementation Journal'),
				purpose,
				target: input.target,
				created: formatLocalDate(ws.now()),
				author: oneLine(input.author) || authorFromParticipants(session?.fields.participants?.value || ws.settings.defaultParticipants),
			},
			path,
		),
	);

	const specOrder = SPEC_SECTION_ORDER[ws.index.typeOf(spec)];
	await changes.modify(spec.path, (text) =>
		addRegistryEntry(text, spec.path, path, {
			placement: canonicalPlace(specOrder, 'Deliverables'),
			heading: SPEC_TYPE_HEADINGS[typeKey] ?? customHeading(folder),
			typeKey,
			line: formatDeliverableEntry(linkTo(ws, spec.path, path, title)),
		}),
	);
	await changes.modify(context.path, (text) =>
		addRegistryEntry(text, context.path, path, {
			placement: canonicalPlace(CONTEXT_SECTION_ORDER, 'Deliverables'),
			heading: DELIVERABLE_TYPE_HEADINGS[typeKey] ?? customHeading(folder),
			typeKey,
			line: formatDeliverableEntry(linkTo(ws, context.path, path, title), purpose),
		}),
	);
	let sessionLogged = false;
	if (session) {
		await changes.modify(context.path, (text) => {
			const logged = logToImplementation(text, `- Created ${linkTo(ws, context.path, path, title)}`);
			sessionLogged = logged !== null;
			return logged ?? text;
		});
	}
	const written = await commitChanges(ws, changes);
	return { path, written, sessionLogged };
}

/** The folder under `deliverables/`: the canonical name for a known type, else the name as given. */
export function deliverableFolder(type: string): string {
	const name = type.trim();
	requireSafeName(name, 'deliverable type');
	const key = deliverableTypeKey(name);
	return (KNOWN_TYPES as readonly string[]).includes(key) && key !== 'code' ? key : name;
}

function customHeading(folder: string): string {
	return folder.charAt(0).toUpperCase() + folder.slice(1);
}

/** Refuses a taken name, also one that differs only in case (one file on macOS and Windows). */
async function refuseExisting(ws: Workspace, path: string): Promise<void> {
	const taken = (await ws.store.exists(path))
		? path
		: (await ws.store.list(dirname(path)).catch(() => [])).find((f) => dirname(f.path) === dirname(path) && basename(f.path).toLowerCase() === basename(path).toLowerCase())?.path;
	if (taken) throw new WorkflowError('exists', `${taken} already exists; nothing was written (choose another file name)`, taken);
}

export interface Placement {
	after: SectionMatcher[];
	before: SectionMatcher[];
}

/**
 * Where a missing section goes: between its canonical neighbours; a section last in the order
 * goes at the end of the note, after whatever the user added below the canonical sections.
 */
function canonicalPlace(order: readonly string[], title: string): Placement {
	const i = order.indexOf(title);
	if (i === order.length - 1) return { after: [], before: [] };
	return { after: order.slice(0, i), before: order.slice(i + 1) };
}

interface RegistryEdit {
	placement: Placement;
	/** The group heading to create when missing (`Scripts`). */
	heading: string;
	typeKey: string;
	/** The list item to add. */
	line: string;
}

/**
 * Adds `line` to the note's `## Deliverables`, under the type's `###` group (created at its
 * canonical place when missing). A section kept as one flat list without groups gets the line
 * at the end of that list. A link to the file already there is left as it is.
 */
export function addRegistryEntry(text: string, notePath: string, deliverablePath: string, edit: RegistryEdit): string {
	const { text: out, section } = ensureNoteSection(text, notePath, 'Deliverables', edit.placement);
	const registry = parseDeliverables(out, section.headingEnd, section.end);
	if (registry.entries.some((e) => e.target !== null && pointsTo(e.target, notePath, deliverablePath))) return out;

	const groups = registry.groups.filter((g) => g.heading !== null);
	const loose = registry.groups.find((g) => g.heading === null);
	if (groups.length === 0 && loose && loose.entries.length > 0) {
		return insertLineAt(out, loose.entries[loose.entries.length - 1].end, edit.line);
	}
	const group = groups.find((g) => g.type === edit.typeKey);
	if (group) {
		const last = group.entries[group.entries.length - 1];
		if (last) return insertLineAt(out, last.end, edit.line);
		const own = flattenSections(parseSections(out)).find((s) => s.headingStart === group.headingStart);
		if (own) return applyEdits(out, [appendToSection(out, own, edit.line)]);
	}
	const keyOrder = KNOWN_TYPES as readonly string[];
	const at = keyOrder.indexOf(edit.typeKey);
	const byKey = (key: string): SectionMatcher => (s: Section) => deliverableTypeKey(s.title) === key;
	const root = parseSections(out);
	const parent = flattenSections(root).find((s) => s.headingStart === section.headingStart) as Section;
	const created = ensureSection(out, root, {
		title: edit.heading,
		level: Math.min(6, section.level + 1),
		parent,
		match: byKey(edit.typeKey),
		after: at < 0 ? [] : keyOrder.slice(0, at).map(byKey),
		before: at < 0 ? [] : keyOrder.slice(at + 1).map(byKey),
		content: edit.line,
	});
	if (!created.ok) throw new WorkflowError('section', `${notePath}: ${created.error}`, notePath);
	return created.edit ? applyEdits(out, [created.edit]) : out;
}

/**
 * The note's section with this title wherever it is (the shallowest; a note that keeps it at
 * another level or outside its title still has it: never add a second), else a new `##` one at
 * its canonical place.
 */
export function ensureNoteSection(text: string, notePath: string, title: string, placement: Placement): { text: string; section: Section } {
	const existing = findSection(parseSections(text), [title]);
	if (existing) return { text, section: existing };
	const ensured = ensureSectionIn(text, { title, level: 2, ...placement });
	if (!ensured.ok) throw new WorkflowError('section', `${notePath}: ${ensured.error}`, notePath);
	return { text: ensured.text, section: ensured.section };
}

/** Whether a registry link's (decoded) target from `notePath` names `deliverablePath`. */
function pointsTo(target: string, notePath: string, deliverablePath: string): boolean {
	const t = target.trim();
	if (t === '') return false;
	const candidates = [t.startsWith('/') ? t.slice(1) : joinPath(dirname(notePath), t), t];
	return candidates.some((c) => {
		const n = normalizeVaultPath(c);
		return n === deliverablePath || (n !== null && `${n}.md` === deliverablePath);
	});
}

/** Inserts a line just past `offset` (a line end, or the end of a text without a final one), in the text's line ends. */
export function insertLineAt(text: string, offset: number, line: string): string {
	const eol = detectEol(text);
	if (offset > 0 && text[offset - 1] !== '\n') return text.slice(0, offset) + eol + line + text.slice(offset);
	return text.slice(0, offset) + line + eol + text.slice(offset);
}

const IMPLEMENTATION_NEIGHBOURS = {
	after: [SESSION_SECTION_HEADINGS.planning, SESSION_SECTION_HEADINGS.changes].map(bySessionKey),
	before: [SESSION_SECTION_HEADINGS.testing, SESSION_SECTION_HEADINGS.commits, SESSION_SECTION_HEADINGS.issues].map(bySessionKey),
};

function bySessionKey(heading: string): SectionMatcher {
	const key = sessionSectionKey(heading);
	return (s: Section) => sessionSectionKey(s.title) === key;
}

/**
 * Appends `line` to the active session's `#### Implementation`, creating that subsection at its
 * place (after Planning / Changes to Spec, before Testing / Commits / Issues) when missing.
 * Null when there is no active session.
 */
export function logToImplementation(text: string, line: string): string | null {
	const session = activeSession(readContextFile(text).sessions);
	if (!session) return null;
	const root = parseSections(text);
	const sections = flattenSections(root);
	const own = sections.find((s) => s.headingStart === session.headingStart);
	if (!own) return null;
	const impl = own.children.find((s) => sessionSectionKey(s.title) === 'implementation');
	if (impl) return applyEdits(text, [appendToSection(text, impl, line)]);
	const created = ensureSection(text, root, {
		title: SESSION_SECTION_HEADINGS.implementation,
		level: Math.min(6, own.level + 1),
		parent: own,
		match: bySessionKey(SESSION_SECTION_HEADINGS.implementation),
		...IMPLEMENTATION_NEIGHBOURS,
		content: line,
	});
	if (!created.ok || !created.edit) return null;
	return applyEdits(text, [created.edit]);
}

function oneLine(s: string | null | undefined): string {
	return (s ?? '').replace(/\s+/g, ' ').trim();
}
