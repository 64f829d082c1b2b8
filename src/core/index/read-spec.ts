import { basename } from '../files/paths';
import { parseLinks } from '../links/link-parser';
import { findSection, parseSections } from '../markdown/sections';
import { readSpecMetadata } from '../metadata/spec-metadata';
import { idFromSpecPath } from './discovery';
import { IndexProblem, Spec } from './spec';

export interface SpecReading {
	spec: Spec;
	problems: IndexProblem[];
	/** The file says what type of spec it is (frontmatter `type`): makes a plain note a spec. */
	declaresType: boolean;
}

/**
 * Reads one spec note into the index's record. Never throws: malformed YAML becomes a problem
 * naming the file and line, and the spec is still indexed from its name and header lines.
 */
export function readSpec(path: string, text: string): SpecReading {
	const meta = readSpecMetadata(text, path);
	const id = idFromSpecPath(path);
	const aliases = meta.id !== undefined && meta.id !== id ? [meta.id] : [];
	const declaredType = meta.type ?? (basename(path).toLowerCase() === 'epic.md' ? 'epic' : null);
	const root = parseSections(text);
	const deliverables = findSection(root, ['Deliverables']);
	const deliverableRefs = deliverables
		? parseLinks(text, { from: deliverables.headingEnd, to: deliverables.end })
				.filter((l) => l.target !== '')
				.map((l) => l.target)
		: [];
	const spec: Spec = {
		id,
		aliases,
		path,
		declaredType,
		title: meta.title ?? meta.heading ?? id,
		status: meta.status ?? null,
		statusRaw: meta.statusRaw ?? '',
		parentRef: meta.parent ?? null,
		contextRef: meta.context ?? null,
		deliverableRefs,
	};
	const problems: IndexProblem[] = meta.problems.map((p) => ({
		severity: 'error',
		code: 'malformed-frontmatter',
		path: p.path,
		message: p.message,
	}));
	return { spec, problems, declaresType: meta.type !== undefined };
}
