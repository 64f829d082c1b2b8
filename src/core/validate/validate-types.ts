import type { ChangeSet } from '../workspace/file-changes';

/**
 * One thing `validate` found. `path` is the file to look at (or to change, when it is fixable);
 * `message` names the file, the line and the problem, so it reads on its own (`--json`, logs).
 */
export interface Problem {
	severity: 'error' | 'warning';
	code: string;
	path: string;
	/** 1-based line in `path`, when the problem sits on one. */
	line?: number;
	message: string;
	/** `validate --fix` can repair it safely (a link, registry line or list entry added; nothing a value is lost from). */
	fixable?: boolean;
}

export interface ValidateResult {
	/** Problems left: all of them, or after `fix`, those that were not fixed. Sorted by path, then line. */
	problems: Problem[];
	/** Problems that `fix` repaired. */
	fixed: Problem[];
	/** Files the fixes wrote. */
	written: string[];
	/** How many specs were checked. */
	specs: number;
}

/** A problem as a check reports it, with the planned repair when there is a safe one. */
export interface Finding extends Problem {
	fix?: (changes: ChangeSet) => Promise<void>;
}

/** Most items a message names before it says how many more there are (a list may be huge). */
const NAMED_ITEMS = 10;

/** `a, b, c` or, for a long list, `a, …, j and 990 more`: one readable line whatever the list. */
export function nameSome(items: readonly string[], show: (item: string) => string = (item) => item): string {
	const named = items.slice(0, NAMED_ITEMS).map(show).join(', ');
	return items.length > NAMED_ITEMS ? `${named} and ${items.length - NAMED_ITEMS} more` : named;
}
