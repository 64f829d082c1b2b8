import { extension } from '../files/paths';

/*
 * What kind of file a deliverable is (docs/formats.md, Deliverables), the one table the traceback writer, the
 * deliverables report and validate all go by: binary files (never read as text), formats with
 * no comment syntax (JSON, CSV: exempt from the traceback header), markdown (properties or HTML
 * comments), and everything else with its comment syntax.
 */

export interface CommentSyntax {
	/** Line comment prefixes; the first is the one the traceback writer uses. */
	line: string[];
	/** Block comment delimiters (`/*` … `*\/`, `<!--` … `-->`); the writer uses the first when there is no line prefix. */
	block: [string, string][];
}

export type FileKind = 'binary' | 'uncommented' | 'markdown' | 'commented';

const HASH: CommentSyntax = { line: ['#'], block: [] };
const SLASH: CommentSyntax = { line: ['//'], block: [['/*', '*/']] };
const DASH: CommentSyntax = { line: ['--'], block: [] };
const SEMICOLON: CommentSyntax = { line: [';'], block: [] };
const HTML: CommentSyntax = { line: [], block: [['<!--', '-->']] };
const CSS: CommentSyntax = { line: [], block: [['/*', '*/']] };

const BY_EXTENSION = new Map<string, CommentSyntax>();
const register = (syntax: CommentSyntax, exts: string): void => {
	for (const ext of exts.split(' ')) BY_EXTENSION.set(ext, syntax);
};
register(
	HASH,
	'sh bash zsh fish ksh py rb pl pm r ps1 psm1 tcl awk sed yaml yml toml env properties tf hcl nix mk cmake dockerfile service timer mount socket automount rules exports desktop txt log lock',
);
// Config files often take `;` comments as well.
register({ line: ['#', ';'], block: [] }, 'conf cfg cnf');
register({ line: [';', '#'], block: [] }, 'ini');
register(SLASH, 'js mjs cjs jsx ts tsx mts cts go rs java c h cc cpp cxx hpp hh cs swift kt kts scala groovy gradle dart zig jsonc json5 proto scss less');
register({ line: ['#', '//'], block: [['/*', '*/']] }, 'php');
register(DASH, 'sql lua hs elm ada');
register(SEMICOLON, 'lisp el clj cljs scm asm');
register({ line: ['%'], block: [] }, 'tex sty erl m');
register({ line: ['::', 'rem'], block: [] }, 'bat cmd');
register({ line: ["'", 'rem'], block: [] }, 'vb vbs bas');
register({ line: ['"'], block: [] }, 'vim');
register(HTML, 'md markdown html htm xml svg xhtml xsl plist vue');
register(CSS, 'css');

/** Formats with no comment syntax: a header would break them, so none is written or expected. */
const UNCOMMENTED = new Set(['json', 'geojson', 'ipynb', 'canvas', 'csv', 'tsv']);

const BINARY = new Set(
	'png jpg jpeg gif webp bmp ico tif tiff heic pdf zip gz tgz tar bz2 xz 7z rar mp3 mp4 m4a wav ogg flac mov avi mkv webm woff woff2 ttf otf eot exe dll so dylib bin class jar wasm parquet sqlite db pyc xlsx docx pptx'.split(
		' ',
	),
);

/** A byte-order mark, which an editor may keep first: it comes before any prologue. */
const BOM = '\uFEFF';
/** No text holds a NUL character: one marks a binary file. */
const NUL = '\u0000';

/** A binary format by its extension: such a file is never read as text. */
export function isBinaryPath(path: string): boolean {
	return BINARY.has(extension(path));
}

/** A binary file: by its extension, or by NUL characters in its text. */
export function isBinary(path: string, text = ''): boolean {
	return isBinaryPath(path) || text.includes(NUL);
}

export function fileKind(path: string, text = ''): FileKind {
	const ext = extension(path);
	if (isBinary(path, text)) return 'binary';
	if (UNCOMMENTED.has(ext)) return 'uncommented';
	if (ext === 'md' || ext === 'markdown') return 'markdown';
	return 'commented';
}

/** Whether a deliverable is expected to carry a traceback (a header, or for markdown properties). */
export function canHoldTraceback(path: string, text = ''): boolean {
	const kind = fileKind(path, text);
	return kind === 'markdown' || kind === 'commented';
}

/**
 * The file's comment syntax: by extension, else (an unknown extension such as `fstab.nas`, or
 * none: `Makefile`, `crontab`) from its first line after the prologue (`<!--`, `/*`, `//`, `--`,
 * `;`; an XML declaration means `<!--`), else `#`, the comment of the shell and config files that
 * make up most deliverables. Markdown has HTML comments. null for binary and comment-less formats.
 */
export function commentSyntaxFor(path: string, text = ''): CommentSyntax | null {
	const kind = fileKind(path, text);
	if (kind === 'binary' || kind === 'uncommented') return null;
	const known = BY_EXTENSION.get(extension(path));
	if (known) return known;
	const start = prologueEnd(text);
	const bom = text.startsWith(BOM) ? BOM.length : 0;
	if (/^<\?xml[\s?]/.test(text.slice(bom, bom + 6))) return HTML;
	if (start > 0 && text.startsWith('#!', bom)) return HASH;
	const first = /^[ \t]*\S.*$/m.exec(text.slice(start))?.[0].trim() ?? '';
	if (first.startsWith('<!--')) return HTML;
	if (first.startsWith('/*') || first.startsWith('//')) return SLASH;
	if (first.startsWith('--')) return DASH;
	if (first.startsWith(';')) return SEMICOLON;
	return HASH;
}

/**
 * Where the lines that must stay first end: a byte-order mark, then a `#!` shebang or an
 * `<?xml …?>` declaration line with its line end. The traceback header goes right after them,
 * and readers look for it from there. 0 when there are none.
 */
export function prologueEnd(text: string): number {
	const bom = text.startsWith(BOM) ? BOM.length : 0;
	const rest = text.slice(bom, bom + 6);
	// A shebang, an XML declaration or PHP's opening tag must stay first; headers go after them.
	if (!rest.startsWith('#!') && !/^<\?(?:xml[\s?]|php\b)/i.test(rest)) return bom;
	const nl = text.indexOf('\n', bom);
	return nl < 0 ? text.length : nl + 1;
}
