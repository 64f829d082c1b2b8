import { extension } from '../files/paths';
import { bodyStart } from '../markdown/frontmatter-bounds';

/**
 * Reading a deliverable's traceback (DESIGN.md §6): `Generated from:`, `Context:`, `Purpose:`…
 * lines anywhere in the file's leading comment block, in whatever comment syntax the file uses,
 * after any shebang (`#!/bin/bash`) and banner. Markdown deliverables keep them as properties or
 * as the seed's HTML comments (`<!-- Spec: [[../../spec|…]] -->`).
 */

/** A `Name: value` line of the leading comment block. */
export interface CommentField {
	/** Lower case, single-spaced: `generated from`, `context`, `purpose`. */
	name: string;
	/** Without trailing spaces and any `-->` or `*` + `/` closing the comment. */
	value: string;
	/** Offset of the value in the file's text. */
	valueStart: number;
}

/** Fields that say which spec a file comes from: one of them makes a traceback. */
export const TRACEBACK_FIELDS: ReadonlySet<string> = new Set(['generated from', 'spec', 'specification']);

/** Fields whose values are links back into the vault, checked like any other link. */
export const LINK_FIELDS: ReadonlySet<string> = new Set(['generated from', 'spec', 'specification', 'context', 'parent']);

/** Formats that cannot hold a comment, so they get no traceback header (the registry still lists them). */
const NO_COMMENT = new Set(['json', 'ipynb', 'csv', 'tsv']);

/** Binary formats: never read as text. */
const BINARY = new Set([
	'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'ico', 'tif', 'tiff', 'heic', 'pdf',
	'zip', 'gz', 'tgz', 'tar', 'bz2', 'xz', '7z', 'rar',
	'mp3', 'mp4', 'm4a', 'wav', 'ogg', 'flac', 'mov', 'avi', 'mkv', 'webm',
	'woff', 'woff2', 'ttf', 'otf', 'eot', 'exe', 'dll', 'so', 'dylib', 'bin', 'class', 'jar', 'wasm',
	'parquet', 'sqlite', 'db', 'pyc', 'xlsx', 'docx', 'pptx',
]);

export function isBinaryPath(path: string): boolean {
	return BINARY.has(extension(path));
}

/** Whether a deliverable is expected to carry a traceback header. */
export function canHoldTraceback(path: string): boolean {
	const ext = extension(path);
	return !BINARY.has(ext) && !NO_COMMENT.has(ext);
}

/** Only this many lines are looked at: a header is at the top, and a huge file costs nothing more. */
const MAX_LINES = 200;

// Line comment markers, longest first so `--` is not read as text after `-`.
const LINE_MARKER = /^(#+|\/\/+|--+|;+|%+|'|rem\b|::)/i;
const FIELD = /^([A-Za-z][A-Za-z ]{0,24}?)[ \t]*:[ \t]*/;

/**
 * The `Name: value` fields of the leading comment block. `markdown` reads only HTML comments
 * (after the frontmatter); otherwise any common line or block comment syntax is accepted. The
 * block ends at the first line that is neither blank nor a comment.
 */
export function readLeadingComments(text: string, markdown: boolean): CommentField[] {
	const fields: CommentField[] = [];
	let pos = markdown ? bodyStart(text) : 0;
	let closer: string | null = null;
	for (let n = 0; n < MAX_LINES && pos < text.length; n++) {
		const nl = text.indexOf('\n', pos);
		const end = nl < 0 ? text.length : nl;
		const lineStart = pos;
		let line = text.slice(pos, end);
		if (line.endsWith('\r')) line = line.slice(0, -1);
		pos = nl < 0 ? text.length : nl + 1;
		if (n === 0 && !markdown && line.startsWith('#!')) continue;
		const lead = line.length - line.trimStart().length;
		let content = line.slice(lead);
		let at = lineStart + lead;
		if (closer === null) {
			if (content.trim() === '') continue;
			const opener = content.startsWith('<!--') ? '<!--' : !markdown && content.startsWith('/*') ? '/*' : null;
			if (opener) {
				closer = opener === '<!--' ? '-->' : '*/';
				content = content.slice(opener.length);
				at += opener.length;
			} else if (markdown) break;
			else {
				const m = LINE_MARKER.exec(content);
				if (!m) break;
				content = content.slice(m[0].length);
				at += m[0].length;
			}
		} else if (closer === '*/' && content.startsWith('*') && !content.startsWith('*/')) {
			// ` * Generated from: …` inside a /* … */ banner.
			content = content.slice(1);
			at += 1;
		}
		if (closer !== null) {
			const close = content.indexOf(closer);
			if (close >= 0) {
				content = content.slice(0, close);
				closer = null;
			}
		}
		const lead2 = content.length - content.trimStart().length;
		const field = readField(content.slice(lead2), at + lead2);
		if (field) fields.push(field);
	}
	return fields;
}

function readField(content: string, at: number): CommentField | null {
	const m = FIELD.exec(content);
	if (!m) return null;
	const value = content.slice(m[0].length).replace(/[ \t]+$/, '');
	return { name: m[1].trim().toLowerCase().replace(/\s+/g, ' '), value, valueStart: at + m[0].length };
}
