import { readSpecFacts, SpecFacts } from '../../core/index/read-spec';
import { SPEC_TYPES } from '../../core/metadata/spec-type';
import { outgoingTargets } from '../../core/reports/backlinks';
import { isObject, isText, isTextOrNull, isTexts } from './cache-file';

/** What one cache file keeps of each note: read from its text, checked when loaded. */
export interface CacheKind<T> {
	/** Part of the cache file's name, and checked inside it. */
	name: string;
	read: (path: string, text: string) => T;
	isValue: (v: unknown) => v is T;
}

/** The index's facts of each spec note (read-spec.ts). */
export const SPEC_FACTS: CacheKind<SpecFacts> = { name: 'specs', read: readSpecFacts, isValue: isFacts };

/** Where each markdown note links to, as written (resolved per call: what a link reaches depends on the other files). */
export const LINK_TARGETS: CacheKind<string[]> = { name: 'links', read: (_path, text) => outgoingTargets(text), isValue: isTexts };

function isFacts(v: unknown): v is SpecFacts {
	if (!isObject(v) || !isObject(v.idsWritten)) return false;
	const ids = v.idsWritten;
	return (
		isTextOrNull(ids.property) &&
		isTextOrNull(ids.heading) &&
		isTextOrNull(ids.title) &&
		(v.type === null || SPEC_TYPES.includes(v.type as SpecFacts['type'] & string)) &&
		isTextOrNull(v.status) &&
		isText(v.statusRaw) &&
		isTextOrNull(v.parentRef) &&
		isTextOrNull(v.contextRef) &&
		[v.deliverableRefs, v.deliverableProperty, v.childRefs, v.commits].every(isTexts) &&
		Array.isArray(v.problems) &&
		v.problems.every((p) => isObject(p) && (p.severity === 'error' || p.severity === 'warning') && isText(p.code) && isText(p.path) && isText(p.message))
	);
}
