import { readIfText } from '../files/file-text';
import type { Spec } from '../index/spec';
import type { Workspace } from '../workspace/workspace';
import { hasNamingLine, journalApartKind, matchJournal, oldestFirst, specNames, specsNamedInside, type NamedSpec } from './journal-match';

interface IndexedSpec extends NamedSpec {
	spec: Spec;
}

/**
 * For each of `specs`, the oldest journal kept apart (`context/2025-08-20-hot-storage-session.md`)
 * that names it and it alone, by the lines inside it or else by its name — the history the
 * migration would make its context. Read only when some spec lacks a context: the journal folders'
 * notes are listed and read, nothing else.
 */
export async function journalsNaming(ws: Workspace, specs: Spec[]): Promise<Map<Spec, string>> {
	const out = new Map<Spec, string>();
	if (specs.length === 0) return out;
	const all = ws.index.all();
	const taken = new Set<string>(all.map((s) => s.path));
	for (const s of all) if (ws.index.hasContext(s)) taken.add(ws.index.contextPathOf(s));
	const names = specNames<IndexedSpec>(all.map((spec) => ({ path: spec.path, id: spec.id, nameId: spec.id, aliases: [spec.id, ...spec.aliases], spec })));
	const wanted = new Set(specs);
	const resolve = (linkpath: string, source: string): string | null => ws.links.resolve(linkpath, source);
	const kinds = new Map<string, 'journal' | 'if-named'>();
	for (const { path } of await ws.store.list('')) {
		const kind = journalApartKind(path, ws.settings.specsRoot);
		if (kind !== null && !taken.has(path)) kinds.set(path, kind);
	}
	for (const path of oldestFirst([...kinds.keys()])) {
		// A journal that is not UTF-8 cannot name a spec for us; it is left alone, as it is.
		const text = await readIfText(ws.store, path);
		if (text === null || (kinds.get(path) === 'if-named' && !hasNamingLine(text))) continue;
		const inside = specsNamedInside(text, path, names, resolve);
		const matches = inside.length > 0 ? inside : matchJournal(path, names);
		if (matches.length !== 1) continue;
		const spec = matches[0].spec;
		if (wanted.has(spec) && !out.has(spec)) out.set(spec, path);
	}
	return out;
}
