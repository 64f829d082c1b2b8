import { extension } from '../files/paths';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter } from '../metadata/frontmatter';

/**
 * Reading one deliverable file: its comment syntax, the traceback header in its leading comment
 * block (DESIGN.md §6), and line statistics for the deliverables report.
 */

export interface CommentSyntax {
	/** Line comment prefixes (`#`, `//`). */
	line: string[];
	/** Block comment delimiters (`/*` … `*\/`, `<!--` … `-->`). */
	block: [string, string][];
}

const HASH: CommentSyntax = { line: ['#'], block: [] };
const SLASH: CommentSyntax = { line: ['//'], block: [['/*', '*/']] };
const DASH: CommentSyntax = { line: ['--'], block: [] };
const SEMICOLON: CommentSyntax = { line: [';'], block: [] };
const HTML: CommentSyntax = { line: [], block: [['<!--', '-->']] };
const BLOCK: CommentSyntax = { line: [], block: [['/*', '*/']] };

const BY_EXTENSION = new Map<string, CommentSyntax | null>();
const register = (syntax: CommentSyntax | null, exts: string): void => {
	for (const ext of exts.split(' ')) BY_EXTENSION.set(ext, syntax);
};
register(HASH, 'sh bash zsh ksh fish py rb pl pm r yaml yml toml conf cfg cnf properties env mk tf hcl nix ps1 psm1 cmake dockerfile service timer socket mount automount rules exports');
register({ line: ['#', ';'], block: [] }, 'ini');
register(SLASH, 'js mjs cjs ts tsx jsx java c h cc cpp hpp cs go rs swift kt kts scala dart groovy gradle proto jsonc json5 scss');
register({ line: ['//', '#'], block: [['/*', '*/']] }, 'php');
register(DASH, 'sql lua hs elm ada');
register(SEMICOLON, 'lisp clj cljs el scm asm');
register(HTML, 'md markdown html htm xml svg');
register(BLOCK, 'css');
// Formats with no comments, and binary ones: no traceback header is expected (DESIGN.md §6), as the writer gives them none.
register(null, 'json geojson ipynb csv tsv txt log lock canvas');
const BINARY = new Set(
	'png jpg jpeg gif webp bmp ico tif tiff heic pdf zip gz tgz tar bz2 xz 7z rar mp3 mp4 m4a wav ogg flac mov avi mkv webm woff woff2 ttf otf eot exe dll so dylib bin class jar wasm parquet sqlite db pyc xlsx docx pptx'.split(' '),
);
for (const ext of BINARY) BY_EXTENSION.set(ext, null);

/**
 * The file's comment syntax: by extension, else (an unknown extension such as `fstab.nas`) from
 * its first line after any shebang (`<!--`, `/*`, `//`, `--`, `;`), else `#`. null for formats
 * without comments (JSON, CSV, plain text).
 */
export function commentSyntaxFor(path: string, text: string): CommentSyntax | null {
	const ext = extension(path);
	const known = BY_EXTENSION.get(ext);
	if (known !== undefined) return known;
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	if (lines[0]?.startsWith('#!')) return HASH;
	const first = lines.find((l) => l.trim() !== '')?.trim() ?? '';
	if (first.startsWith('<!--')) return HTML;
	if (first.startsWith('/*')) return SLASH;
	if (first.startsWith('//')) return SLASH;
	if (first.startsWith('#')) return HASH;
	if (first.startsWith('--')) return DASH;
	if (first.startsWith(';')) return SEMICOLON;
	// As the traceback writer does: a file of unknown kind (`crontab`, `fstab.nas`) takes `#` comments.
	return HASH;
}

/** The text of each line of the file's leading comment block, comment markers removed. */
export function leadingCommentLines(text: string, syntax: CommentSyntax): string[] {
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	let i = lines[0]?.startsWith('#!') ? 1 : 0;
	const out: string[] = [];
	let openBlock: [string, string] | null = null;
	for (; i < lines.length; i++) {
		const line = lines[i].trim();
		if (openBlock) {
			const close = line.indexOf(openBlock[1]);
			out.push(stripBlockLine(close < 0 ? line : line.slice(0, close)));
			if (close >= 0) openBlock = null;
			continue;
		}
		if (line === '') continue;
		const prefix = syntax.line.find((p) => line.startsWith(p));
		if (prefix) {
			out.push(line.slice(prefix.length).trim());
			continue;
		}
		const block = syntax.block.find(([open]) => line.startsWith(open));
		if (!block) break;
		const body = line.slice(block[0].length);
		const close = body.indexOf(block[1]);
		out.push(stripBlockLine(close < 0 ? body : body.slice(0, close)));
		if (close < 0) openBlock = block;
		else if (body.slice(close + block[1].length).trim() !== '') break;
	}
	return out;
}

function stripBlockLine(s: string): string {
	return s.replace(/^\s*\*(?!\/)\s?/, '').trim();
}

/** `Name: value` lines of a comment block, keyed by lower-cased name (the first of each wins). */
export function headerFields(lines: readonly string[]): Map<string, string> {
	const fields = new Map<string, string>();
	for (const line of lines) {
		const m = /^([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.*)$/.exec(line);
		if (!m) continue;
		const key = m[1].toLowerCase();
		if (!fields.has(key)) fields.set(key, m[2].trim());
	}
	return fields;
}

export interface DeliverableHeader {
	/**
	 * true: the file traces back to its spec (`Generated from:` in its leading comments; for
	 * markdown, a `spec` property or `<!-- Spec: … -->`). false: it could and does not.
	 * null: the format has no comment syntax (JSON, CSV, plain text), so it is exempt.
	 */
	traceback: boolean | null;
	/** Header fields (`purpose`, `target`, `context`, `created`, `generated from`, `spec`), lower-cased names. */
	fields: Map<string, string>;
	/** Properties of a markdown file (`purpose`, `spec`, `title`…); empty for other files. */
	properties: Record<string, unknown>;
}

export function readDeliverableHeader(path: string, text: string): DeliverableHeader {
	const ext = extension(path);
	if (ext === 'md' || ext === 'markdown') {
		const fm = readFrontmatter(text, path);
		const body = text.slice(findFrontmatter(text)?.end ?? 0);
		const fields = headerFields(leadingCommentLines(body, HTML));
		const spec = fm.data.spec;
		const hasSpec = (typeof spec === 'string' && spec.trim() !== '') || (Array.isArray(spec) && spec.length > 0);
		return { traceback: hasSpec || tracesBack(fields), fields, properties: fm.data };
	}
	const syntax = isBinary(path, text) ? null : commentSyntaxFor(path, text);
	if (!syntax) return { traceback: null, fields: new Map(), properties: {} };
	const fields = headerFields(leadingCommentLines(text, syntax));
	return { traceback: tracesBack(fields), fields, properties: {} };
}

/** The fields that name the spec a file comes from (the same ones `validate` accepts). */
const TRACEBACK_FIELDS = ['generated from', 'spec', 'specification'];

function tracesBack(fields: Map<string, string>): boolean {
	return TRACEBACK_FIELDS.some((f) => (fields.get(f) ?? '') !== '');
}

/** A binary file (an image, an archive) by its extension, or by NUL characters in its text: no lines, no header. */
export function isBinary(path: string, text: string): boolean {
	return BINARY.has(extension(path)) || text.includes('\u0000');
}

export interface LineStatistics {
	/** Lines of text; a final line end does not start another line, an empty file has none. */
	lines: number;
	/** Lines that hold only a comment (a shebang is not one). */
	commentLines: number;
	/** Lines holding only whitespace. */
	blankLines: number;
}

export function lineStatistics(path: string, text: string): LineStatistics {
	if (text === '' || isBinary(path, text)) return { lines: 0, commentLines: 0, blankLines: 0 };
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	const syntax = commentSyntaxFor(path, text);
	let blank = 0;
	let comment = 0;
	let open: [string, string] | null = null;
	lines.forEach((raw, i) => {
		const line = raw.trim();
		if (open) {
			comment++;
			if (line.includes(open[1])) open = null;
			return;
		}
		if (line === '') {
			blank++;
			return;
		}
		if (!syntax || (i === 0 && line.startsWith('#!'))) return;
		if (syntax.line.some((p) => line.startsWith(p))) {
			comment++;
			return;
		}
		const block = syntax.block.find(([o]) => line.startsWith(o));
		if (!block) return;
		const rest = line.slice(block[0].length);
		const close = rest.indexOf(block[1]);
		if (close < 0) {
			comment++;
			open = block;
		} else if (rest.slice(close + block[1].length).trim() === '') comment++;
	});
	return { lines: lines.length, commentLines: comment, blankLines: blank };
}
