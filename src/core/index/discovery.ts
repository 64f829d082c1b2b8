import { basename, dirname, extension, isUnder, stem } from '../files/paths';

/** What a file under the specs root is, judged from its path alone (docs/formats.md, Where specs live). */
export type PathRole =
	/** epic.md, spec.md, *.spec.md: a spec whatever its frontmatter says. */
	| 'spec'
	/** Another markdown file under the specs root: a spec only when its frontmatter has a spec `type`. */
	| 'maybe-spec'
	| 'context'
	/** A generated deliverables report, `<id>.deliverables.md`. */
	| 'report'
	/** Anything under a `deliverables/` folder. */
	| 'deliverable'
	/** Outside the specs root, hidden, a tool's leftover (isLeftover), or not markdown outside deliverables. */
	| 'other';

export function classifyPath(path: string, specsRoot: string): PathRole {
	if (!isUnder(path, specsRoot) || path === specsRoot) return 'other';
	// Read in place, without splitting: this runs for every file when a vault is opened or validated.
	const start = specsRoot === '' ? 0 : specsRoot.length + 1;
	// Hidden folders (the migration log lives in .spec-workflow/) hold no specs.
	if (path.charCodeAt(start) === DOT || path.indexOf('/.', start) >= 0) return 'other';
	const nameStart = path.lastIndexOf('/') + 1;
	if (isLeftover(path, start, nameStart)) return 'other';
	if (inFolderNamed(path, start, nameStart, 'deliverables')) return 'deliverable';
	if (extension(path) !== 'md') return 'other';
	const name = path.slice(nameStart).toLowerCase();
	if (name === 'context.md' || name.endsWith('.context.md')) return 'context';
	if (name.endsWith('.deliverables.md')) return 'report';
	if (name === 'epic.md' || name === 'spec.md' || name.endsWith('.spec.md')) return 'spec';
	return 'maybe-spec';
}

const DOT = 46;
const SLASH = 47;
const HASH = 35;
const TILDE = 126;

/** Folders tools fill on their own: compiled Python, installed packages. */
const LEFTOVER_FOLDERS = ['__pycache__', 'node_modules'];
const LEFTOVER_EXTENSIONS = new Set(['pyc', 'pyo']);

/**
 * What tools leave beside the files someone wrote, as hidden files (`.DS_Store`, `.x.swp`) are:
 * an editor's backup (`load.py~`) or autosave (`#load.py#`), compiled Python, installed packages.
 * No one writes these, so they are no one's deliverables.
 */
function isLeftover(path: string, start: number, nameStart: number): boolean {
	const last = path.charCodeAt(path.length - 1);
	if (last === TILDE || (last === HASH && path.charCodeAt(nameStart) === HASH && path.length - nameStart > 2)) return true;
	if (LEFTOVER_EXTENSIONS.has(extension(path))) return true;
	return LEFTOVER_FOLDERS.some((folder) => inFolderNamed(path, start, nameStart, folder));
}

/** Whether a folder between `from` and the file name (at `nameStart`) is called `folder`. */
function inFolderNamed(path: string, from: number, nameStart: number, folder: string): boolean {
	for (let i = path.indexOf(folder, from); i >= 0 && i + folder.length < nameStart; i = path.indexOf(folder, i + 1)) {
		if ((i === from || path.charCodeAt(i - 1) === SLASH) && path.charCodeAt(i + folder.length) === SLASH) return true;
	}
	return false;
}

/** The id a spec file's name gives it: `{id}.spec.md` → id, `epic.md`/`spec.md` → its folder's name. */
export function idFromSpecPath(path: string): string {
	const name = basename(path);
	const lower = name.toLowerCase();
	if (lower === 'epic.md' || lower === 'spec.md') return basename(dirname(path));
	if (lower.endsWith('.spec.md')) return name.slice(0, -'.spec.md'.length);
	return stem(path);
}

/** The context file a spec has by naming convention (it may not exist yet). */
export function conventionalContextPath(specPath: string): string {
	const folder = dirname(specPath);
	const lower = basename(specPath).toLowerCase();
	const prefix = folder === '' ? '' : folder + '/';
	if (lower === 'epic.md' || lower === 'spec.md') return prefix + 'context.md';
	return prefix + idFromSpecPath(specPath) + '.context.md';
}

/**
 * The spec paths a context file could belong to by naming convention, most likely first:
 * `context.md` → epic.md/spec.md beside it; `{id}.context.md` → `{id}.spec.md` or `{id}.md`.
 */
export function conventionalSpecPaths(contextPath: string): string[] {
	const folder = dirname(contextPath);
	const prefix = folder === '' ? '' : folder + '/';
	const name = basename(contextPath);
	if (name.toLowerCase() === 'context.md') return [prefix + 'spec.md', prefix + 'epic.md'];
	const id = name.slice(0, -'.context.md'.length);
	return [prefix + id + '.spec.md', prefix + id + '.md'];
}

/** Whether `path` is the spec that owns its folder (epic.md, spec.md, or named after the folder). */
export function ownsFolder(path: string): boolean {
	const lower = basename(path).toLowerCase();
	if (lower === 'epic.md' || lower === 'spec.md') return true;
	const folder = basename(dirname(path));
	return idFromSpecPath(path) === folder || stem(path) === folder;
}

/** The report note's path for a spec: `<spec folder>/<id>.deliverables.md`. */
export function reportPath(specPath: string, id: string): string {
	const folder = dirname(specPath);
	return (folder === '' ? '' : folder + '/') + id + '.deliverables.md';
}

/**
 * One collator for every comparison (localeCompare with options builds a new one per call), in a
 * fixed locale: ids order the same on a phone set to Danish, where the default puts `AA` after `Z`.
 */
const idCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order for ids: 2000 before 10000, E01-F01-T2 before E01-F01-T10. */
export function compareIds(a: string, b: string): number {
	return idCollator.compare(a, b);
}
