import { parseOldName } from '../index/old-name';
import type { SpecType } from '../metadata/spec-type';

export { parseOldName, type OldName } from '../index/old-name';

/** The id a folder stands for: `1001-feature-storage` → 1001, `1001` → 1001. */
export function folderId(name: string): string {
	return parseOldName(name)?.id ?? name;
}

/**
 * The reference layout's numbering (epic X000, feature X00Y, task X0YZ) for an all-digit id of four or more
 * digits: its type and its parent's id. null when the id does not follow it (`2101`, `E01`).
 */
export function numbering(id: string): { type: SpecType; parent: string | null } | null {
	if (!/^\d{4,}$/.test(id)) return null;
	const head = id.slice(0, -3);
	const tail = Number(id.slice(-3));
	if (tail === 0) return { type: 'epic', parent: null };
	if (tail < 10) return { type: 'feature', parent: `${head}000` };
	if (tail < 100) return { type: 'task', parent: `${head}00${Math.floor(tail / 10)}` };
	return null;
}

/**
 * Ids named in a journal's file name, most specific first: `2025-08-25.1013-task-warm-storage-sata`
 * gives 1013 (from the old-layout part); then each part's dash-separated words (`plan-1013` →
 * plan, 1013; `-E01-F01-T05` → E01, F01, T05), for the compound ids they may spell.
 */
export function idsInName(stem: string): { oldNames: string[]; words: string[][] } {
	const oldNames: string[] = [];
	const words: string[][] = [];
	for (const raw of stem.split(/[.\s_]+/)) {
		// A date cut out of `2025-08-20-E01-F01-T05` leaves a dash at the edge.
		const part = raw.replace(/^-+|-+$/g, '');
		if (part === '') continue;
		if (parseOldName(part)) oldNames.push(part);
		words.push(part.split('-').filter((t) => t !== ''));
	}
	return { oldNames, words };
}
