import { parseLinks } from '../../../src/core/links/link-parser';
import { LinkResolver } from '../../../src/core/links/link-resolver';

// A plain path as the value of a header line or bullet (`**Spec File**: specs/…/x.spec.md`), which the migration rewrites like a link.
const HEADER_PATH = /^([ \t]*(?:[-*+][ \t]+)?\*\*[^*\n]+\*\*[ \t]*:[ \t]*`?)[^\s`[\]()<>|]*\/[^\s`[\]()<>|]*\.[A-Za-z0-9]+(`?[ \t]*)$/gm;

/** A text with every link's target path cut out: two texts equal this way differ only in link targets (and header paths). */
export function withoutLinkTargets(text: string): string {
	const links = parseLinks(text, { includeFrontmatter: true });
	let out = '';
	let at = 0;
	for (const l of links) {
		if (l.targetStart < at) continue;
		out += text.slice(at, l.targetStart);
		at = l.targetEnd;
	}
	return (out + text.slice(at)).replace(HEADER_PATH, '$1$2');
}

/** Every markdown link in the vault with the file it resolves to (Obsidian's rules), in order. */
export function resolvedLinks(files: Record<string, string>): Map<string, (string | null)[]> {
	const resolver = new LinkResolver(Object.keys(files));
	const out = new Map<string, (string | null)[]>();
	for (const [path, text] of Object.entries(files)) {
		if (!path.endsWith('.md')) continue;
		out.set(
			path,
			parseLinks(text, { includeFrontmatter: true }).map((l) => (l.target === '' ? path : resolver.resolve(l.target, path))),
		);
	}
	return out;
}

/**
 * A file the migration only added lines to (a registry entry, a `**Context**:` line, traceback
 * properties): every line it had is still there, in order, its link targets and the hard-break
 * spaces a new header line puts after the one above aside.
 */
export function expectOnlyLinesAdded(path: string, before: string, after: string): void {
	const lines = (text: string): string[] =>
		withoutLinkTargets(text)
			.split('\n')
			.map((l) => l.trimEnd());
	const now = lines(after);
	let at = 0;
	const missing = lines(before).filter((line) => {
		while (at < now.length && now[at] !== line) at++;
		if (at === now.length) return true;
		at++;
		return false;
	});
	expect({ path, missing }).toEqual({ path, missing: [] });
}

/**
 * What must hold after a migration (docs/migration.md): the same number of files; every file's text equal
 * to before except link targets (`except` names files that may differ otherwise: a merged context,
 * a renamed parent id); every link that resolved before resolves to the same file after.
 */
export function expectMigrationHolds(before: Record<string, string>, after: Record<string, string>, moves: Map<string, string>, except: string[] = []): void {
	expect(Object.keys(after).length).toBe(Object.keys(before).length);
	for (const [path, text] of Object.entries(before)) {
		const now = moves.get(path) ?? path;
		expect(Object.prototype.hasOwnProperty.call(after, now)).toBe(true);
		if (except.includes(path)) continue;
		expect({ path, text: withoutLinkTargets(after[now]) }).toEqual({ path, text: withoutLinkTargets(text) });
	}
	const was = resolvedLinks(before);
	const is = resolvedLinks(after);
	for (const [path, targets] of was) {
		if (except.includes(path)) continue;
		const now = is.get(moves.get(path) ?? path) ?? [];
		expect(now.length).toBe(targets.length);
		targets.forEach((target, i) => {
			if (target === null) return;
			expect({ path, link: i, resolves: now[i] }).toEqual({ path, link: i, resolves: moves.get(target) ?? target });
		});
	}
}
