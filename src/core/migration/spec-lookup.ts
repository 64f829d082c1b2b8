import type { MigrationProblem } from './migration-types';
import type { FoundSpec } from './old-layout-detection';

/** The spec a reference names, or null when it names none or several. */
export type SpecLookup = (ref: string) => FoundSpec | null;

/**
 * Finds a spec by any name it goes by (id, old name, file stem): a spec whose own id it is wins over
 * one that only goes by it, so `1001` finds spec 1001 even when an old folder `1001-…` names another.
 */
export function specLookup(specs: readonly FoundSpec[]): SpecLookup {
	const byAlias = new Map<string, FoundSpec[]>();
	for (const s of specs) {
		for (const alias of s.aliases) {
			const key = alias.toLowerCase();
			const list = byAlias.get(key) ?? [];
			if (!list.includes(s)) list.push(s);
			byAlias.set(key, list);
		}
	}
	return (ref) => {
		const list = byAlias.get(ref.trim().toLowerCase()) ?? [];
		const own = list.filter((s) => s.id.toLowerCase() === ref.trim().toLowerCase());
		if (own.length === 1) return own[0];
		return list.length === 1 ? list[0] : null;
	};
}

/** An error for each id several specs have: the new layout names folders by id, so they would collide. */
export function duplicateIdProblems(specs: readonly FoundSpec[]): MigrationProblem[] {
	const byId = new Map<string, FoundSpec[]>();
	for (const s of specs) byId.set(s.id.toLowerCase(), [...(byId.get(s.id.toLowerCase()) ?? []), s]);
	const problems: MigrationProblem[] = [];
	for (const [, list] of byId) {
		if (list.length < 2) continue;
		problems.push({
			severity: 'error',
			code: 'duplicate-id',
			path: list[0].path,
			message: `Id "${list[0].id}" has ${list.length} specs: ${list.map((s) => s.path).join(', ')}; give one of them another id`,
		});
	}
	return problems;
}
