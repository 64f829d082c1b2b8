import { commentSyntaxFor, fileKind, prologueEnd } from '../deliverables/file-kind';
import { detectEol, withEol } from '../markdown/eol';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter, setProperty } from '../metadata/frontmatter';
import { findEntry, findTopLevelEntries } from '../metadata/yaml-entries';
import { yamlScalar } from '../templates/markdown-blocks';
import { oneLine } from './session-edits';
import { WorkflowError } from './workflow-error';

/**
 * The traceback header a deliverable gets (docs/formats.md, Deliverables), in the file's own comment syntax:
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

/**
 * How the writer comments a file (file-kind.ts holds the table): markdown gets properties, binary
 * and comment-less formats nothing, the rest its first line prefix, else its block delimiters.
 * Unknown extensions and names without one (`fstab.nas`, `Dockerfile`, `Makefile`, `crontab`)
 * take the syntax the content shows, else `#`, as the readers do.
 */
export function commentStyleFor(fileName: string, content = ''): CommentStyle {
	const kind = fileKind(fileName, content);
	if (kind === 'markdown') return { kind: 'frontmatter' };
	const syntax = commentSyntaxFor(fileName, content);
	if (!syntax) return { kind: 'none' };
	if (syntax.line.length > 0) return { kind: 'line', prefix: syntax.line[0] };
	const [open, close] = syntax.block[0];
	return { kind: 'block', open, close };
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
	const style = commentStyleFor(fileName, content);
	if (style.kind === 'none') return content;
	if (style.kind === 'frontmatter') return withTracebackProperties(content, fields, path);
	const eol = detectEol(content);
	const at = prologueEnd(content);
	let prologue = content.slice(0, at);
	const rest = content.slice(at);
	// A lone shebang without a line end gets one before the header.
	if (prologue.replace(/^\uFEFF/, '') !== '' && !prologue.endsWith('\n')) prologue += eol;
	const header = tracebackLines(fields).map((line) => (style.kind === 'line' ? `${style.prefix} ${line}` : `${style.open} ${insideBlockComment(line, style)} ${style.close}`));
	let separator = '';
	if (rest.trim() !== '') separator = style.kind === 'line' && startsWithComment(rest, style.prefix) ? style.prefix + eol : eol;
	return prologue + withEol(header.join('\n') + '\n', eol) + separator + rest;
}

/**
 * A value made unable to end (or, where comments nest, open) the block comment it is written in:
 * each delimiter gets a space after its first character (`-->` → `- ->`, and so for CSS's). HTML/XML
 * comments may hold no `--` at all (XML forbids it; `-->` and `--!>` both close in HTML), so every
 * `--` is broken there.
 */
export function insideBlockComment(value: string, style: { open: string; close: string }): string {
	const breaks = style.close === '-->' ? ['--'] : [style.open, style.close];
	let out = value;
	// Repeated: breaking one `--` of `---` leaves another.
	while (breaks.some((b) => out.includes(b))) {
		for (const b of breaks) out = out.split(b).join(`${b[0]} ${b.slice(1)}`);
	}
	return out;
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

/** `User, Claude` → `User + Claude`: the seed's `Created: … by Claude + User` form. */
export function authorFromParticipants(participants: string): string {
	return participants
		.split(/\s*(?:,|\+|&|\band\b)\s*/)
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.join(' + ');
}
