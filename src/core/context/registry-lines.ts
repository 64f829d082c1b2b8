/* How a registry line is written: its canonical form, and the baseline at its end. */

/** Canonical registry line: `- [[…|Title]] - purpose` (the link comes pre-formatted in the chosen style). */
export function formatDeliverableEntry(link: string, purpose?: string | null): string {
	const p = purpose?.trim();
	return p ? `- ${link} - ${p}` : `- ${link}`;
}

/** Canonical code-change line: ``- `services/x.ts` - purpose``. */
export function formatCodeChange(path: string, purpose?: string | null): string {
	return formatDeliverableEntry(`\`${path}\``, purpose);
}

/**
 * A deliverable's baseline at the end of its registry line: `` `hash:1a2b3c4d` `` (8 to 16 hex
 * digits; `sha:` read as well). It is part of the entry, so it travels with the line when a rename
 * rewrites the link.
 */
export const BASELINE = /[ \t]*`(?:hash|sha):([0-9a-fA-F]{8,16})`[ \t]*$/;

/** The registry line's content with its baseline set to `hash` (replacing one it has, else appended). */
export function withBaselineText(line: string, hash: string): string {
	const m = BASELINE.exec(line);
	const stem = m ? line.slice(0, m.index) : line.replace(/[ \t]+$/, '');
	return `${stem} \`hash:${hash}\``;
}

/** An item's content past `skip` without its baseline, and the baseline (lower case) or null. */
export function splitBaseline(content: string, skip: number): { body: string; hash: string | null } {
	const m = BASELINE.exec(content);
	return m ? { body: content.slice(skip, m.index), hash: m[1].toLowerCase() } : { body: content.slice(skip), hash: null };
}
