import { utf8Length } from '../files/utf8-length';
import { WorkflowError } from '../workspace/workflow-error';

/**
 * Names the workflow turns into paths — a deliverable's file name, its type folder, a new spec's
 * id — are one path segment each. One segment cannot climb out of its folder (`..`), start at the
 * root (`/etc/passwd`) or reach into hidden folders (`.obsidian/`, `.git/`), so a single check
 * covers every escape. The rest keeps the file usable everywhere a vault goes: the characters
 * Obsidian refuses in file names, names Windows reserves, and leading dots (Obsidian does not
 * index hidden files, so links to them would never resolve).
 */

// Obsidian refuses * " \ / < > : | ? # ^ [ ] in file names; control characters are never wanted.
const FORBIDDEN = /[*"\\/<>:|?#^[\]\p{Cc}]/u;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;
// File systems limit a name to 255 bytes (not characters): past it the write itself fails.
const MAX_BYTES = 255;

/** Why `name` cannot be used as one path segment, or null when it can. */
export function unsafeNameReason(name: string): string | null {
	if (name.trim() === '') return 'it is empty';
	if (name.includes('/') || name.includes('\\')) return 'it must be a single name, without folders ("/" or "\\")';
	if (name === '.' || name === '..') return 'it would leave its folder';
	if (name.startsWith('.')) return 'names starting with "." are hidden from Obsidian';
	const bad = FORBIDDEN.exec(name);
	if (bad) return `it contains ${describeChar(bad[0])}, which Obsidian does not allow in file names`;
	if (name !== name.trim() || name.endsWith('.')) return 'it starts or ends with a space or ends with "."';
	if (WINDOWS_RESERVED.test(name)) return `"${name.split('.')[0]}" is a reserved device name on Windows`;
	if (utf8Length(name) > MAX_BYTES) return `it is longer than ${MAX_BYTES} bytes in UTF-8`;
	return null;
}

/** Throws WorkflowError('unsafe-file-name') naming `what` and the problem when `name` is not one safe segment. */
export function requireSafeName(name: string, what: string): void {
	const reason = unsafeNameReason(name);
	if (reason !== null) throw new WorkflowError('unsafe-file-name', `Unsafe ${what} ${JSON.stringify(name)}: ${reason}`);
}

function describeChar(c: string): string {
	const code = c.charCodeAt(0);
	return /\p{Cc}/u.test(c) ? `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})` : `"${c}"`;
}
