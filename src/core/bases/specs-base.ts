import { joinPath, normalizeVaultPath } from '../files/paths';
import { REVIEWED_PROPERTY } from '../metadata/review-mark';
import { SPEC_TYPES } from '../metadata/spec-type';
import { WorkflowError } from '../workspace/workflow-error';

/** The base's file name when the settings name none: `Specs.base` in the specs folder. */
export const DEFAULT_BASE_FILE = 'Specs.base';

/** A spec updated after its REVIEWED_PROPERTY (the review core's mark), or never reviewed, needs review. */
export { REVIEWED_PROPERTY };

/** The columns every table view of the base shows, in this order. */
const COLUMNS = ['file.name', 'note.id', 'note.title', 'note.type', 'note.status', 'note.parent', 'note.updated', `note.${REVIEWED_PROPERTY}`];

/**
 * Where the base goes: the file name (from the settings or `--file`) in the specs folder, `.base`
 * added when it is missing. A name climbing out of the specs folder is refused.
 */
export function specsBasePath(specsRoot: string, file: string | undefined): string {
	const raw = (file ?? '').trim() === '' ? DEFAULT_BASE_FILE : (file ?? '').trim();
	const name = raw.toLowerCase().endsWith('.base') ? raw : `${raw}.base`;
	const inside = normalizeVaultPath(name);
	if (inside === null || inside === '' || raw.startsWith('/') || inside.startsWith('../')) {
		throw new WorkflowError('bad-base-file', `The base file "${raw}" is not a file name inside ${specsRoot}/`);
	}
	return joinPath(specsRoot, inside);
}

/**
 * The text of the specs base: a plain `.base` file (YAML) Obsidian's Bases reads. Its filter keeps
 * the spec notes under the specs folder (named as the layout names specs, or typed epic, feature
 * or task), never contexts or deliverables; its views are every spec as a table, the same grouped
 * by status, and those that need review (updated after `reviewed`, or never reviewed).
 */
export function specsBaseText(specsRoot: string): string {
	const types = SPEC_TYPES.map((t) => `"${t}"`).join(', ');
	const lines = [
		'# Written by Spec Workflow (spec-work base). Edit freely: it is only rewritten when you ask.',
		'filters:',
		'  and:',
		...(specsRoot === '' ? [] : [`    - ${quoted(`file.inFolder(${expressionString(specsRoot)})`)}`]),
		`    - ${quoted('file.ext == "md"')}`,
		'    - or:',
		`        - ${quoted('file.path.endsWith("/epic.md")')}`,
		`        - ${quoted('file.path.endsWith("/spec.md")')}`,
		`        - ${quoted('file.path.endsWith(".spec.md")')}`,
		`        - ${quoted(`[${types}].contains(note.type)`)}`,
		'formulas:',
		`  needs_review: ${quoted(`note.${REVIEWED_PROPERTY}.isEmpty() || date(note.updated) > date(note.${REVIEWED_PROPERTY})`)}`,
		'properties:',
		...displayNames(),
		'views:',
		...tableView('All specs', [], { sort: ['note.id', 'ASC'] }),
		...tableView('By status', [], { groupBy: ['note.status', 'ASC'], sort: ['note.id', 'ASC'] }),
		...tableView('Needs review', [quoted('formula.needs_review == true')], { sort: ['note.updated', 'DESC'] }),
	];
	return lines.join('\n') + '\n';
}

function displayNames(): string[] {
	const names: [string, string][] = [
		['file.name', 'File'],
		['note.id', 'Id'],
		['note.title', 'Title'],
		['note.type', 'Type'],
		['note.status', 'Status'],
		['note.parent', 'Parent'],
		['note.updated', 'Updated'],
		[`note.${REVIEWED_PROPERTY}`, 'Reviewed'],
		['formula.needs_review', 'Needs review'],
	];
	return names.flatMap(([key, name]) => [`  ${key}:`, `    displayName: ${name}`]);
}

function tableView(name: string, filters: string[], how: { groupBy?: [string, 'ASC' | 'DESC']; sort: [string, 'ASC' | 'DESC'] }): string[] {
	return [
		'  - type: table',
		`    name: ${name}`,
		...(filters.length === 0 ? [] : ['    filters:', '      and:', ...filters.map((f) => `        - ${f}`)]),
		...(how.groupBy ? ['    groupBy:', `      property: ${how.groupBy[0]}`, `      direction: ${how.groupBy[1]}`] : []),
		'    order:',
		...COLUMNS.map((c) => `      - ${c}`),
		'    sort:',
		`      - property: ${how.sort[0]}`,
		`        direction: ${how.sort[1]}`,
	];
}

/** A text literal inside a Bases expression: double quotes, with `"` and `\` escaped. */
function expressionString(text: string): string {
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A YAML single-quoted scalar: every expression holds quotes or brackets YAML would otherwise read. */
function quoted(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}
