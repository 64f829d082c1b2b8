import { extension } from '../files/paths';
import { detectEol, withEol } from '../markdown/eol';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter, setProperty } from '../metadata/frontmatter';
import { findEntry, findTopLevelEntries } from '../metadata/yaml-entries';
import { yamlScalar } from '../templates/markdown-blocks';
import { WorkflowError } from './workflow-error';

/**
 * The traceback header a deliverable gets (DESIGN.md §6), in the file's own comment syntax:
 *
 *     #!/bin/bash
 *     # Generated from: [[../../1014.spec|1014 - Cold Storage NAS]]
 *     # Context: [[../../1014.context|Implementation Journal]]
 *     # Purpose: Monitor NAS connectivity and performance
 *     # Created: 2025-08-26 by Claude + User
 *
 * Markdown gets `spec`/`context`/`purpose`/`created` properties instead (native backlinks);
 * formats without comments (JSON, CSV…) get nothing.
 */

export type CommentStyle =
	| { kind: 'line'; prefix: string }
	| { kind: 'block'; open: string; close: string }
	| { kind: 'frontmatter' }
	| { kind: 'none' };

const LINE_PREFIX: Record<string, string> = {};
const add = (prefix: string, exts: string): void => {
	for (const ext of exts.split(' ')) LINE_PREFIX[ext] = prefix;
};
add('#', 'sh bash zsh fish ksh py rb pl pm r ps1 tcl awk sed conf cfg cnf yaml yml toml env properties tf hcl nix mk cmake service timer mount socket rules desktop gitignore dockerignore');
add('//', 'js mjs cjs jsx ts tsx mts cts go rs java c h cc cpp cxx hpp hh cs swift kt kts scala groovy gradle dart zig jsonc proto');
add('--', 'sql lua hs elm ada');
add(';', 'ini lisp el clj cljs scm asm');
add('%', 'tex sty erl m');
add('::', 'bat cmd');
add('"', 'vim');

const BLOCK: Record<string, { open: string; close: string }> = {};
for (const ext of ['html', 'htm', 'xml', 'svg', 'xhtml', 'xsl', 'plist', 'vue']) BLOCK[ext] = { open: '<!--', close: '-->' };
for (const ext of ['css', 'scss', 'less']) BLOCK[ext] = { open: '/*', close: '*/' };

/** Formats with no comment syntax, and binary formats: their header would break them. */
const NO_COMMENTS = new Set(['json', 'geojson', 'ipynb', 'canvas', 'csv', 'tsv', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'pdf', 'zip', 'gz', 'tar', 'bin', 'parquet', 'sqlite', 'db']);

/**
 * The comment syntax for a file name. Unknown extensions and names without one (`fstab.nas`,
 * `Dockerfile`, `Makefile`, `crontab`) take `#`: the comment of the shell and config files that
 * make up most deliverables.
 */
export function commentStyleFor(fileName: string): CommentStyle {
	const ext = extension(fileName);
	if (ext === 'md' || ext === 'markdown') return { kind: 'frontmatter' };
	if (NO_COMMENTS.has(ext)) return { kind: 'none' };
	const block = BLOCK[ext];
	if (block) return { kind: 'block', ...block };
	return { kind: 'line', prefix: LINE_PREFIX[ext] ?? '#' };
}

export interface TracebackFields {
	/** Link to the spec, pre-formatted in the vault's style (`[[../../1014.spec|1014 - Cold Storage NAS]]`). */
	specLink: string;
	/** Link to the context file. */
	contextLink: string;
	purpose?: string | null;
	/** Where a config file is installed (`/etc/fstab`). */
	target?: string | null;
	/** `YYYY-MM-DD`. */
	created: string;
	/** `Claude + User`. */
	author: string;
}

/** The header's lines without comment markers, in the example vault's order. */
export function tracebackLines(f: TracebackFields): string[] {
	const lines = [`Generated from: ${f.specLink}`, `Context: ${f.contextLink}`];
	const purpose = oneLine(f.purpose);
	const target = oneLine(f.target);
	if (purpose) lines.push(`Purpose: ${purpose}`);
	if (target) lines.push(`Target: ${target}`);
	lines.push(`Created: ${f.created} by ${oneLine(f.author) || 'unknown'}`);
	return lines;
}

/**
 * The file's text with its traceback header. Lines that must stay first are kept first: a `#!`
 * shebang, an XML declaration, a byte-order mark. When the content starts with its own comment
 * banner the header joins it with a bare comment line (`#`), otherwise a blank line separates it
 * from the code. The content's line ends are used throughout.
 */
export function withTraceback(fileName: string, content: string, fields: TracebackFields, path = fileName): string {
	const style = commentStyleFor(fileName);
	if (style.kind === 'none') return content;
	if (style.kind === 'frontmatter') return withTracebackProperties(content, fields, path);
	const eol = detectEol(content);
	const bom = content.startsWith('\uFEFF') ? '\uFEFF' : '';
	let rest = content.slice(bom.length);
	let prologue = '';
	if (rest.startsWith('#!') || (style.kind === 'block' && /^<\?xml[\s?]/.test(rest))) {
		const nl = rest.indexOf('\n');
		prologue = nl < 0 ? rest + eol : rest.slice(0, nl + 1);
		rest = nl < 0 ? '' : rest.slice(nl + 1);
	}
	const header = tracebackLines(fields).map((line) => (style.kind === 'line' ? `${style.prefix} ${line}` : `${style.open} ${line} ${style.close}`));
	let separator = '';
	if (rest.trim() !== '') separator = style.kind === 'line' && startsWithComment(rest, style.prefix) ? style.prefix + eol : eol;
	return bom + prologue + withEol(header.join('\n') + '\n', eol) + separator + rest;
}

function startsWithComment(text: string, prefix: string): boolean {
	const first = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).trimStart();
	return first.startsWith(prefix);
}

const PROPERTY_ORDER = ['spec', 'context', 'purpose', 'target', 'created'] as const;

/**
 * Markdown deliverables: the traceback as properties. Into content that has frontmatter, the
 * `spec` and `context` links (and purpose/target when given) are set where they are or added at
 * the top; a `created` already there is kept. Malformed frontmatter in the content is refused.
 */
function withTracebackProperties(content: string, f: TracebackFields, path: string): string {
	const values: Partial<Record<(typeof PROPERTY_ORDER)[number], string>> = {
		spec: f.specLink,
		context: f.contextLink,
		purpose: oneLine(f.purpose) || undefined,
		target: oneLine(f.target) || undefined,
		created: f.created,
	};
	const bounds = findFrontmatter(content);
	if (!bounds) {
		const all = PROPERTY_ORDER.filter((k) => values[k] !== undefined).map((k) => [k, values[k] as string] as const);
		return withEol(`---\n${propertyLines(all)}---\n`, detectEol(content)) + content;
	}
	const read = readFrontmatter(content, path);
	if (read.error) throw new WorkflowError('malformed-yaml', `${read.error.message} (in the content given for the deliverable)`, path);
	const entries = findTopLevelEntries(content, bounds);
	let text = content;
	const missing: (readonly [string, string])[] = [];
	for (const key of PROPERTY_ORDER) {
		const value = values[key];
		if (value === undefined) continue;
		if (!findEntry(entries, key)) missing.push([key, value]);
		else if (key !== 'created') text = setProperty(text, key, value);
	}
	if (missing.length === 0) return text;
	// The traceback leads the properties, as in a deliverable created without any.
	const start = findFrontmatter(text)?.yamlStart ?? bounds.yamlStart;
	return text.slice(0, start) + withEol(propertyLines(missing), detectEol(text)) + text.slice(start);
}

/** `key: value` lines; the `created` date stays plain (`created: 2025-08-27`), as Obsidian writes a date property. */
function propertyLines(entries: readonly (readonly [string, string])[]): string {
	return entries.map(([k, v]) => `${k}: ${k === 'created' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : yamlScalar(v)}\n`).join('');
}

function oneLine(s: string | null | undefined): string {
	return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** `User, Claude` → `User + Claude`: the seed's `Created: … by Claude + User` form. */
export function authorFromParticipants(participants: string): string {
	return participants
		.split(/\s*(?:,|\+|&|\band\b)\s*/)
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.join(' + ');
}
