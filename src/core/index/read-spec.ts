import { basename, dirname } from '../files/paths';
import { parseLinks } from '../links/link-parser';
import { findSection, parseSections } from '../markdown/sections';
import { readSpecMetadata } from '../metadata/spec-metadata';
import { idFromSpecPath } from './discovery';
import { parseOldName } from './old-name';
import { IndexProblem, Spec, SpecType } from './spec';
import { extendsId, headingId, stripIdPrefix } from './spec-title';

export interface SpecReading {
	spec: Spec;
	problems: IndexProblem[];
	/** The file says what type of spec it is (frontmatter `type`): makes a plain note a spec. */
	declaresType: boolean;
	/** Kept by the index, so a context appearing beside the spec later can change its id without a re-read. */
	idsWritten: IdsWritten;
}

/**
 * Reads one spec note into the index's record. Never throws: malformed YAML becomes a problem
 * naming the file and line, and the spec is still indexed from its name and header lines.
 * `contextsBeside`: names of the `*.context.md` files in the spec's folder, which may name a
 * fuller id than the folder (`E13-F01.context.md` beside `F01/spec.md`).
 */
export function readSpec(path: string, text: string, contextsBeside: readonly string[] = []): SpecReading {
	return specFromFacts(path, readSpecFacts(path, text), contextsBeside);
}

/**
 * What a spec note's text says, before its folder is looked at: all the index keeps of the text.
 * Plain data, so a shell may keep it between runs (the CLI's cache) and give it back unread.
 */
export interface SpecFacts extends Pick<Spec, KeptAsWritten> {
	idsWritten: IdsWritten;
	/** The frontmatter `type`, when it names a spec type. */
	type: SpecType | null;
	problems: IndexProblem[];
}

/** The record's fields that are the text's own words, whatever the folder around the note. */
type KeptAsWritten = 'status' | 'statusRaw' | 'parentRef' | 'contextRef' | 'deliverableRefs' | 'deliverableProperty' | 'childRefs' | 'commits';

export function readSpecFacts(path: string, text: string): SpecFacts {
	const meta = readSpecMetadata(text, path);
	const deliverables = findSection(parseSections(text), ['Deliverables']);
	const deliverableRefs = deliverables
		? parseLinks(text, { from: deliverables.headingEnd, to: deliverables.end })
				.filter((l) => l.target !== '')
				.map((l) => l.target)
		: [];
	return {
		idsWritten: { property: meta.id ?? null, heading: meta.heading === undefined ? null : headingId(meta.heading), title: meta.title ?? null },
		type: meta.type ?? null,
		status: meta.status ?? null,
		statusRaw: meta.statusRaw ?? '',
		parentRef: meta.parent ?? null,
		contextRef: meta.context ?? null,
		deliverableRefs,
		deliverableProperty: meta.deliverables,
		childRefs: meta.children,
		commits: meta.commits,
		problems: meta.problems.map((p) => ({
			severity: 'error',
			code: 'malformed-frontmatter',
			path: p.path,
			message: p.message,
			...(p.ignoredProperty === undefined ? {} : { ignoredProperty: p.ignoredProperty }),
		})),
	};
}

/** The index's record of a spec from its facts and the contexts beside it; the facts are copied, never shared. */
export function specFromFacts(path: string, facts: SpecFacts, contextsBeside: readonly string[] = []): SpecReading {
	const idsWritten = { ...facts.idsWritten };
	const { id, aliases, title } = specIds(path, idsWritten, contextsBeside);
	const spec: Spec = {
		id,
		aliases,
		path,
		declaredType: facts.type ?? (basename(path).toLowerCase() === 'epic.md' ? 'epic' : null),
		title,
		status: facts.status,
		statusRaw: facts.statusRaw,
		parentRef: facts.parentRef,
		contextRef: facts.contextRef,
		deliverableRefs: [...facts.deliverableRefs],
		deliverableProperty: [...facts.deliverableProperty],
		childRefs: [...facts.childRefs],
		commits: [...facts.commits],
	};
	return { spec, problems: facts.problems.map((p) => ({ ...p })), declaresType: facts.type !== null, idsWritten };
}

/** The ids a spec note writes about itself (its `id` property, the id its heading starts with) and its title as written. */
export interface IdsWritten {
	property: string | null;
	heading: string | null;
	title: string | null;
}

/**
 * A spec's id, aliases and title from its file's name, what it writes and the contexts beside it.
 * An old-layout name (`1014-task-cold-storage`) stands for its id (`1014`), the whole name an alias;
 * a fuller id written or named beside (`E13-F01` for folder `F01`) is the id, the short one an
 * alias; the title keeps no copy of any of them (the id when nothing else is left).
 */
export function specIds(path: string, written: IdsWritten, contextsBeside: readonly string[]): { id: string; aliases: string[]; title: string } {
	const fileId = idFromSpecPath(path);
	const nameId = parseOldName(fileId)?.id ?? fileId;
	const candidates = [written.property, written.heading, ...contextsBeside.map(contextId)];
	let id = fullerId(nameId, candidates);
	// A name that is an id and then words (`F02-loader/spec.md`, `1001-nas.spec.md`): the id the note writes, when it is that id or a fuller form of it.
	const lead = id === nameId ? idBeforeWords(nameId) : null;
	if (lead !== null) id = candidates.find((c): c is string => !!c && (c.toLowerCase() === lead.toLowerCase() || extendsId(c, lead))) ?? id;
	// A task in a folder of its own short name (`T04/E01-F01-T04.spec.md`) answers to that name too, as `F01/spec.md` does.
	const folder = basename(dirname(path));
	const folderAlias = extendsId(id, folder) ? folder : null;
	const aliases = [fileId, nameId, written.property, folderAlias, id !== nameId ? lead : null].filter((a, i, all): a is string => a !== null && a !== id && all.indexOf(a) === i);
	const title = written.title === null ? '' : stripIdPrefix(written.title, [id, ...aliases]).trim();
	return { id, aliases, title: title === '' ? id : title };
}

/** The first candidate that is a fuller form of the name's id (`E13-F01` for `F01`), else the name's id. */
function fullerId(nameId: string, candidates: readonly (string | null | undefined)[]): string {
	for (const candidate of candidates) if (candidate && extendsId(candidate, nameId)) return candidate;
	return nameId;
}

/**
 * The id at the start of a name that goes on in words (`F02` of `F02-loader`, `E01-F02` of
 * `E01-F02-cold-tier`, `2001` of `2001 (v2)`): the parts up to the first holding no digit. null when every part holds one
 * (`E01-F02-T04` is an id, not an id and a slug) or the first holds none.
 */
export function idBeforeWords(name: string): string | null {
	const parts = name.split(/[-_ ]/);
	// A part in brackets (`2001 (v2)`, `F02 [draft]`) is words, digits or not.
	const word = parts.findIndex((p) => !/\d/.test(p) || /^[([]/.test(p));
	return word > 0 && parts.slice(word).some((p) => p !== '') ? name.slice(0, parts.slice(0, word).join('-').length) : null;
}

function contextId(name: string): string {
	return name.replace(/\.context\.md$/i, '');
}
