import { basename, dirname, isUnder, normalizeVaultPath } from '../files/paths';

/**
 * Resolves link paths to vault files the way Obsidian's `metadataCache.getFirstLinkpathDest`
 * does (docs/formats.md, Links), case-insensitively. Files are indexed by lower-case name, so a lookup
 * touches only the files sharing the link's name, and the index is kept up to date one file at a
 * time. Paths are normalized vault paths ("specs/1000/epic.md").
 */
export class LinkResolver {
	private readonly files = new Set<string>();
	/** Lower-case path → the path with it, or the paths (two only on a case-sensitive disk). */
	private readonly byLowerPath: MultiMap = new Map();
	/** Lower-case file name → the path, or the paths, with that name. */
	private readonly byName: MultiMap = new Map();

	constructor(paths: Iterable<string> = []) {
		for (const path of paths) this.add(path);
	}

	get size(): number {
		return this.files.size;
	}

	/** True when exactly this path (same case) is a known file. */
	has(path: string): boolean {
		return this.files.has(path);
	}

	add(path: string): void {
		if (this.files.has(path)) return;
		this.files.add(path);
		push(this.byLowerPath, path.toLowerCase(), path);
		push(this.byName, basename(path).toLowerCase(), path);
	}

	remove(path: string): void {
		if (!this.files.delete(path)) return;
		pull(this.byLowerPath, path.toLowerCase(), path);
		pull(this.byName, basename(path).toLowerCase(), path);
	}

	rename(from: string, to: string): void {
		this.remove(from);
		this.add(to);
	}

	/**
	 * The file `linkpath` points to from the note at `sourcePath`, or null. `linkpath` is the
	 * decoded target of a link; a `#subpath` or `|alias` still on it is ignored. An empty path is
	 * the source itself (a `[[#heading]]` link).
	 */
	resolve(linkpath: string, sourcePath: string): string | null {
		let link = cutAt(cutAt(linkpath, '|'), '#');
		if (link.includes('\\')) link = link.replace(/\\/g, '/');
		if (link === '') return this.files.has(sourcePath) ? sourcePath : null;

		// A leading slash: from the vault root only.
		if (link.startsWith('/')) {
			const rooted = normalizeVaultPath(link);
			return rooted ? this.exact(rooted) : null;
		}
		if (link === '.' || link === '..' || link.startsWith('./') || link.startsWith('../')) {
			const joined = joinRelative(dirname(sourcePath), link);
			if (!joined) return null;
			const hit = this.exact(joined);
			if (hit) return hit;
			link = joined;
		} else {
			const normalized = normalizeVaultPath(link);
			if (!normalized) return null;
			link = normalized;
		}
		if (link === '') return null;
		// The two spellings, as exact() tries them.
		const dotted = basename(link).includes('.');
		return this.resolveForm(dotted ? link : `${link}.md`, sourcePath) ?? this.resolveForm(dotted ? `${link}.md` : link, sourcePath);
	}

	/** Steps 1, 3 and 4 of the algorithm for one spelling of the link (as written, or with .md). */
	private resolveForm(form: string, sourcePath: string): string | null {
		const lower = form.toLowerCase();
		const named = this.byName.get(basename(lower));
		if (named === undefined) return null;
		// The name only one file has (nearly every name): steps 1, 3 and 4 all come down to whether its path ends with the link.
		if (typeof named === 'string') {
			if (!lower.includes('/')) return named;
			const path = named.toLowerCase();
			return path === lower || path.endsWith('/' + lower) ? named : null;
		}
		// 1. A bare name that only one file has.
		if (!lower.includes('/') && named.length === 1) return named[0];
		// 3. An exact path from the vault root.
		const exact = this.pick(lower);
		if (exact) return exact;
		// 4. Files whose path ends with the link, those under the source's folder first.
		const folder = dirname(sourcePath).toLowerCase();
		// The shortest path under the source's folder is the link beside the source: found without
		// scanning every same-named file (a vault has thousands of context.md and spec.md).
		if (folder !== '') {
			const beside = this.pick(`${folder}/${lower}`);
			if (beside) return beside;
		}
		// The first of each group in byLengthThenName order, in one pass, no arrays sorted. The part
		// of a path compared is compared ignoring case in place when it is ASCII (nearly always):
		// lower-casing never changes the ASCII characters around a non-ASCII one, so that is the
		// lower-cased path's part. Otherwise the path is lower-cased.
		const suffix = '/' + lower;
		let first: string | null = null;
		let firstNear: string | null = null;
		for (const p of named) {
			let near: boolean;
			const ends = foldedEndsWith(p, suffix);
			const under = ends === false || folder === '' ? ends : foldedStartsWith(p, folder);
			if (ends !== null && under !== null) {
				if (!ends) continue;
				near = folder === '' || (under === true && (p.length === folder.length || p.charCodeAt(folder.length) === SLASH));
			} else {
				const lowerPath = p.toLowerCase();
				if (!lowerPath.endsWith(suffix)) continue;
				near = isUnder(lowerPath, folder);
			}
			if (first === null || byLengthThenName(p, first) < 0) first = p;
			if (near && (firstNear === null || byLengthThenName(p, firstNear) < 0)) firstNear = p;
		}
		return firstNear ?? first;
	}

	/**
	 * An exact vault path, in its two spellings: a name with a dot as written, then with .md; a
	 * name without a dot with .md, then (so an extensionless file such as `Makefile` can still be
	 * reached) as written.
	 */
	private exact(path: string): string | null {
		const dotted = basename(path).includes('.');
		const first = this.pick((dotted ? path : `${path}.md`).toLowerCase());
		if (first) return first;
		return this.pick((dotted ? `${path}.md` : path).toLowerCase()) || null;
	}

	private pick(lowerPath: string): string | null {
		const paths = this.byLowerPath.get(lowerPath);
		if (paths === undefined) return null;
		return typeof paths === 'string' ? paths : [...paths].sort()[0];
	}
}

function byLengthThenName(a: string, b: string): number {
	if (a.length !== b.length) return a.length - b.length;
	const la = a.toLowerCase();
	const lb = b.toLowerCase();
	if (la !== lb) return la < lb ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * normalizeVaultPath(`${folder}/${link}`) for a normal folder and a link of `../` steps (or one
 * `./`) before a normal path, the way nearly every relative link is written: the folder is cut
 * at its slashes instead of both being split into segments and joined again. Anything else goes
 * to normalizeVaultPath.
 */
function joinRelative(folder: string, link: string): string | null {
	let rest = link;
	let up = 0;
	if (rest.startsWith('./')) rest = rest.slice(2);
	else {
		while (rest.startsWith('../')) {
			rest = rest.slice(3);
			up++;
		}
	}
	if (rest === '' || normalizeVaultPath(rest) !== rest || normalizeVaultPath(folder) !== folder) return normalizeVaultPath(`${folder}/${link}`);
	let end = folder.length;
	for (let i = 0; i < up; i++) {
		// `..` above the vault root.
		if (end === 0) return null;
		end = Math.max(0, folder.lastIndexOf('/', end - 1));
	}
	return end === 0 ? rest : `${folder.slice(0, end)}/${rest}`;
}

/** ASCII A-Z to a-z; -1 for a character outside ASCII, whose lower case may be longer. */
function fold(c: number): number {
	return c > ASCII_LAST ? -1 : c >= UPPER_A && c <= UPPER_Z ? c + CASE_STEP : c;
}

const SLASH = 0x2f; // `/`
const ASCII_LAST = 0x7f;
const UPPER_A = 0x41; // `A`
const UPPER_Z = 0x5a; // `Z`
const CASE_STEP = 0x20; // `a` - `A`

/** `path.toLowerCase().endsWith(lower)` for a path whose last characters are ASCII, without lower-casing it; null when they are not. */
function foldedEndsWith(path: string, lower: string): boolean | null {
	const offset = path.length - lower.length;
	// Shorter than the suffix: only a longer lower case could end with it (İ → i̇); left to toLowerCase.
	if (offset < 0) return null;
	// From the end: the characters after a non-ASCII one keep their places in the lower case, those before may not.
	for (let i = lower.length - 1; i >= 0; i--) {
		const c = fold(path.charCodeAt(offset + i));
		if (c < 0) return null;
		if (c !== lower.charCodeAt(i)) return false;
	}
	return true;
}

/** `path.toLowerCase().startsWith(lower)` for a path whose first characters are ASCII, without lower-casing it; null when they are not. */
function foldedStartsWith(path: string, lower: string): boolean | null {
	const n = Math.min(lower.length, path.length);
	for (let i = 0; i < n; i++) {
		const c = fold(path.charCodeAt(i));
		if (c < 0) return null;
		if (c !== lower.charCodeAt(i)) return false;
	}
	// Every character of a path shorter than `lower` was compared: its lower case is as short.
	return lower.length <= path.length;
}

function cutAt(s: string, ch: string): string {
	const i = s.indexOf(ch);
	return i < 0 ? s : s.slice(0, i);
}

/**
 * Key → one value, or several: nearly every name and path is unique, and a lone string per key
 * instead of a one-element array saves an allocation per vault file.
 */
type MultiMap = Map<string, string | string[]>;

function push(map: MultiMap, key: string, value: string): void {
	const entry = map.get(key);
	if (entry === undefined) map.set(key, value);
	else if (typeof entry === 'string') map.set(key, [entry, value]);
	else entry.push(value);
}

function pull(map: MultiMap, key: string, value: string): void {
	const entry = map.get(key);
	if (entry === undefined) return;
	if (typeof entry === 'string') {
		if (entry === value) map.delete(key);
		return;
	}
	const i = entry.indexOf(value);
	if (i >= 0) entry.splice(i, 1);
	if (entry.length === 1) map.set(key, entry[0]);
}
