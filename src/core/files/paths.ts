/** Vault-relative POSIX path helpers (the core cannot use Node's `path`). */

/** Collapses `.`/`..`, duplicate and trailing slashes. Returns null when `..` climbs above the root. */
export function normalizeVaultPath(path: string): string | null {
	// Most paths are already normal (every listed file, most links): returned without splitting.
	if (isNormal(path)) return path;
	const out: string[] = [];
	for (const part of path.replace(/\\/g, '/').split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (out.length === 0) return null;
			out.pop();
		} else out.push(part);
	}
	return out.join('/');
}

/** No backslash, no empty, `.` or `..` segment, no leading or trailing slash. */
function isNormal(path: string): boolean {
	if (path === '') return true;
	if (path.includes('\\') || path.includes('//') || path.charCodeAt(0) === SLASH || path.charCodeAt(path.length - 1) === SLASH) return false;
	return !DOT_SEGMENT.test(path);
}

const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;
const SLASH = 0x2f; // `/`

export function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** The name without its last extension: "1014.spec.md" → "1014.spec". */
export function stem(path: string): string {
	const name = basename(path);
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(0, dot) : name;
}

/** The last extension, lower case, without the dot: "setup.SH" → "sh"; "" when none. */
export function extension(path: string): string {
	const name = basename(path);
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function joinPath(...parts: string[]): string {
	return parts.filter((p) => p !== '').join('/');
}

/** True when `path` is `folder` itself or inside it ("" holds everything). */
export function isUnder(path: string, folder: string): boolean {
	return folder === '' || path === folder || path.startsWith(folder + '/');
}

/** The path from folder `fromFolder` to `to`, with `..` segments: ("a/b", "a/c/d.md") → "../c/d.md". */
export function relativePath(fromFolder: string, to: string): string {
	const from = fromFolder === '' ? [] : fromFolder.split('/');
	const target = to.split('/');
	let common = 0;
	while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
	const ups = from.length - common;
	return [...Array<string>(ups).fill('..'), ...target.slice(common)].join('/');
}
