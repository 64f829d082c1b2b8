import { commentSyntaxFor, fileKind, isBinary } from './file-kind';
import { deliverableComments, headerFields, tracesBack } from './leading-comments';
import { readFrontmatter } from '../metadata/frontmatter';

/**
 * Reading one deliverable file for the deliverables report: the traceback header in its leading
 * comment block (docs/formats.md, Deliverables; kinds and comment syntax from deliverables/file-kind.ts), and line
 * statistics.
 */

export interface DeliverableHeader {
	/**
	 * true: the file traces back to its spec (`Generated from:` in its leading comments; for
	 * markdown, a `spec` property or `<!-- Spec: … -->`). false: it could and does not.
	 * null: the format has no comment syntax (JSON, CSV) or is binary, so it is exempt.
	 */
	traceback: boolean | null;
	/** Header fields (`purpose`, `target`, `context`, `created`, `generated from`, `spec`), lower-cased names. */
	fields: Map<string, string>;
	/** Properties of a markdown file (`purpose`, `spec`, `title`…); empty for other files. */
	properties: Record<string, unknown>;
}

export function readDeliverableHeader(path: string, text: string): DeliverableHeader {
	const kind = fileKind(path, text);
	if (kind === 'binary' || kind === 'uncommented') return { traceback: null, fields: new Map(), properties: {} };
	const comments = deliverableComments(path, text);
	const fields = headerFields(comments);
	if (kind === 'markdown') {
		const fm = readFrontmatter(text, path);
		const spec = fm.data.spec;
		const hasSpec = (typeof spec === 'string' && spec.trim() !== '') || (Array.isArray(spec) && spec.length > 0);
		return { traceback: hasSpec || tracesBack(comments), fields, properties: fm.data };
	}
	return { traceback: tracesBack(comments), fields, properties: {} };
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
