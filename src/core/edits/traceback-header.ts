import { commentSyntaxFor, fileKind, prologueEnd } from '../deliverables/file-kind';
import { detectEol, withEol } from '../markdown/eol';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter, setProperty } from '../metadata/frontmatter';
import { findEntry, findTopLevelEntries } from '../metadata/yaml-entries';
import { yamlScalar } from '../templates/markdown-blocks';
import { oneLine } from './session-edits';
import { plainTracebackPath } from '../deliverables/spec-deliverables';
import { WorkflowError } from '../workspace/workflow-error';

/**
 * The traceback header a deliverable gets (docs/formats.md, Deliverables), in the file's own comment syntax:
 *
 *     #!/bin/bash
 *     # Generated from: specs/1000/1001/1014.spec.md
 *     # Context: specs/1000/1001/1014.context.md
 *     # Purpose: Monitor NAS connectivity and performance
 *     # Created: 2025-08-26 by Claude + User
 *
 * Vault paths, not links: Obsidian indexes no link inside a script or config file, while a path
 * from the vault root is what a terminal, GitHub and a reader can follow. Markdown gets
 * `spec`/`context`/`purpose`/`created` link properties instead (native backlinks); formats without
 * comments (JSON, CSV…) get nothing.
 */

export type CommentStyle = { kind: 'line'; prefix: string } | { kind: 'block'; open: string; close: string } | { kind: 'frontmatter' } | { kind: 'none' };

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
	/** Link to the spec, pre-formatted in the vault's style (`[[../../1014.spec|1014 - Cold Storage NAS]]`): a markdown deliverable's `spec` property. */
	specLink: string;
	/** Link to the context file: a markdown deliverable's `context` property. */
	contextLink: string;
	/** The spec's vault path (`specs/1000/1001/1014.spec.md`): the `Generated from:` comment line. */
	specPath: string;
	/** The context's vault path: the `Context:` comment line. */
	contextPath: string;
	purpose?: string | null;
	/** Where a config file is installed (`/etc/fstab`). */
	target?: string | null;
	/** `YYYY-MM-DD`. */
	created: string;
	/** `Claude + User`. */
	author: string;
}

/**
 * The comment header's lines without comment markers, in the reference layout's order. Files are named by
 * vault path, or by link where the path cannot be written in the style's comments.
 */
export function tracebackLines(f: TracebackFields, style: CommentStyle = { kind: 'line', prefix: '#' }): string[] {
	const ref = (path: string, link: string): string => (pathWritable(path, style) ? path : link);
	const lines = [`Generated from: ${ref(f.specPath, f.specLink)}`, `Context: ${ref(f.contextPath, f.contextLink)}`];
	const purpose = oneLine(f.purpose);
	const target = oneLine(f.target);
	if (purpose) lines.push(`Purpose: ${purpose}`);
	if (target) lines.push(`Target: ${target}`);
	lines.push(`Created: ${f.created} by ${oneLine(f.author) || 'unknown'}`);
	return lines;
}

/** A link of a traceback comment line and the vault path it resolves to. */
export interface TracebackRef {
	/** Offset of the link in the file's text. */
	start: number;
	/** The link as written (`[[../../1014.spec|1014 - Cold Storage NAS]]`). */
	raw: string;
	path: string;
}

/**
 * The links of an older header rewritten as the vault paths the writer now gives, each in place:
 * the rest of the line, and every other byte of the file, stays. A path that the readers would
 * not take, or that would end the block comment it sits in, keeps its link. Refused (nothing is
 * changed) when the file no longer holds a link where it was read.
 */
export function withTracebackPaths(fileName: string, text: string, refs: readonly TracebackRef[]): string {
	const style = commentStyleFor(fileName, text);
	let out = text;
	for (const ref of [...refs].sort((a, b) => b.start - a.start)) {
		if (text.slice(ref.start, ref.start + ref.raw.length) !== ref.raw) {
			throw new WorkflowError('changed', `${fileName}: the traceback link ${ref.raw} is no longer where it was read; nothing was changed`, fileName);
		}
		if (!pathWritable(ref.path, style)) continue;
		out = out.slice(0, ref.start) + ref.path + out.slice(ref.start + ref.raw.length);
	}
	return out;
}

/**
 * Whether a comment line of this style can name a file by its vault path: not when the readers
 * would not take it for a path (a space or bracket in it), nor when it would end the block comment.
 */
export function pathWritable(path: string, style: CommentStyle): boolean {
	if (plainTracebackPath(path) !== path) return false;
	return style.kind !== 'block' || insideBlockComment(path, style) === path;
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
	const header = tracebackLines(fields, style).map((line) =>
		style.kind === 'line' ? `${style.prefix} ${line}` : `${style.open} ${insideBlockComment(line, style)} ${style.close}`,
	);
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

/**
 * A session's participants as the header's author, in the reference layout's form: `User, Claude` → `Claude +
 * User`. The coding agents come first (the reference layout's header names the one that wrote the file
 * first), then the people, each in the session's order; names are kept as written.
 */
export function authorFromParticipants(participants: string): string {
	const names = participants
		.split(/\s*(?:,|\+|&|\band\b)\s*/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
	return [...names.filter(isAgent), ...names.filter((n) => !isAgent(n))].join(' + ');
}

// Coding agents by the start of their name (`Claude Code`, `GitHub Copilot`, `GPT-5`); names people
// also bear (Devin) are left out, so no person is taken for an agent.
const AGENT = /^(?:claude|codex|copilot|github copilot|gemini|chatgpt|gpt|openai|cursor|aider|windsurf|agent|assistant)(?![a-z])/i;

function isAgent(name: string): boolean {
	return AGENT.test(name);
}
