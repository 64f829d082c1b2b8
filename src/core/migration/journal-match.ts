import { basename, dirname } from '../files/paths';
import type { FoundSpec } from './old-layout-detection';
import { idsInName, parseOldName } from './old-names';

/** The specs by each name a journal's file may give them, lower case; each list in the specs' order. */
export interface SpecNames {
	byAlias: Map<string, FoundSpec[]>;
	byId: Map<string, FoundSpec[]>;
	/** By id or by nameId. */
	byIdOrNameId: Map<string, FoundSpec[]>;
}

export function specNames(specs: FoundSpec[]): SpecNames {
	const byAlias = new Map<string, FoundSpec[]>();
	const byId = new Map<string, FoundSpec[]>();
	const byIdOrNameId = new Map<string, FoundSpec[]>();
	const put = (map: Map<string, FoundSpec[]>, key: string, s: FoundSpec): void => {
		const list = map.get(key);
		if (list === undefined) map.set(key, [s]);
		else if (list[list.length - 1] !== s) list.push(s);
	};
	for (const s of specs) {
		for (const alias of s.aliases) put(byAlias, alias.toLowerCase(), s);
		put(byId, s.id.toLowerCase(), s);
		put(byIdOrNameId, s.id.toLowerCase(), s);
		put(byIdOrNameId, s.nameId.toLowerCase(), s);
	}
	return { byAlias, byId, byIdOrNameId };
}

/**
 * The specs a journal's file name names: an old-layout name first (`1013-task-warm-storage-sata`), then a bare id.
 * Looked up in indexes, not by scanning every spec per journal; the order is the specs' order per name, as a scan gives.
 */
export function matchJournal(path: string, names: SpecNames): FoundSpec[] {
	const name = basename(path);
	const stem = name.toLowerCase() === 'context.md' ? basename(dirname(path)) : name.replace(/\.context\.md$/i, '');
	const { oldNames, tokens } = idsInName(stem.replace(/\d{4}-\d{2}-\d{2}/g, ' '));
	const found = new Set<FoundSpec>();
	for (const oldName of oldNames) {
		for (const s of names.byAlias.get(oldName.toLowerCase()) ?? []) found.add(s);
		if (found.size > 0) continue;
		const id = parseOldName(oldName)?.id.toLowerCase();
		for (const s of (id === undefined ? undefined : names.byId.get(id)) ?? []) found.add(s);
	}
	if (found.size > 0) return [...found];
	for (const token of tokens) {
		if (!/\d/.test(token)) continue;
		for (const s of names.byIdOrNameId.get(token.toLowerCase()) ?? []) found.add(s);
	}
	return [...found];
}
