/** Obsidian's normalizePath: one slash between parts, none at the ends, NBSP → space, NFC. */
export function normalizePath(path: string): string {
	let out = path.replace(/[\\/]+/g, '/').replace(/^\/+|\/+$/g, '');
	if (out === '') out = '/';
	out = out.replace(/\u00A0|\u202F/g, ' ');
	return out.normalize('NFC');
}

export function parentPath(path: string): string {
	const i = path.lastIndexOf('/');
	return i < 0 ? '' : path.slice(0, i);
}

export function baseName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** Splits "a.spec.md" into basename "a.spec" and extension "md"; a leading dot is not an extension. */
export function splitName(name: string): { basename: string; extension: string } {
	const dot = name.lastIndexOf('.');
	if (dot <= 0) return { basename: name, extension: '' };
	return { basename: name.slice(0, dot), extension: name.slice(dot + 1) };
}

export function joinPath(folder: string, name: string): string {
	return folder === '' || folder === '/' ? name : `${folder}/${name}`;
}

/** Resolves `.` and `..` segments; null when `..` climbs above the vault root. */
export function collapseDots(path: string): string | null {
	const out: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (out.length === 0) return null;
			out.pop();
		} else out.push(part);
	}
	return out.join('/');
}

/** A path from `fromFolder` to `toPath`, with `../` steps: used for relative links. */
export function relativePath(fromFolder: string, toPath: string): string {
	const from = fromFolder === '' ? [] : fromFolder.split('/');
	const to = toPath.split('/');
	let common = 0;
	while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
	const ups = from.length - common;
	const rest = to.slice(common).join('/');
	return ups === 0 ? rest : `${'../'.repeat(ups)}${rest}`;
}

/** True for paths Obsidian keeps out of the vault tree: any segment starting with a dot. */
export function isHiddenPath(path: string): boolean {
	return path.split('/').some((part) => part.startsWith('.'));
}
