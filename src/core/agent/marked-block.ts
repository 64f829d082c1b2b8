import { detectEol, splitLines, withEol } from '../markdown/eol';
import { findFencedBlocks } from '../markdown/code-ranges';
import { WorkflowError } from '../workspace/workflow-error';

/**
 * A generated block inside a file the user also edits (AGENTS.md, a slash command): everything
 * from a `<!-- spec-work:begin … -->` line to the next `<!-- spec-work:end -->` line belongs to
 * spec-work and is replaced on every run; every byte outside the markers is the user's.
 */
export const BLOCK_BEGIN = '<!-- spec-work:begin';
export const BLOCK_END = '<!-- spec-work:end -->';

export type BlockAction = 'created' | 'added' | 'updated' | 'unchanged';

export interface BlockPlacement {
	/** The whole file after placing the block. */
	text: string;
	/** created: new file; added: appended to a file without markers; updated/unchanged: between existing markers. */
	action: BlockAction;
}

/**
 * Places `block` (which starts with the begin marker line and ends with the end marker line and
 * "\n") in a file's text. `existing` null means no file yet: its text is then `fresh` (a new
 * file's whole text around the block) or the block alone. Markers inside fenced code are text,
 * not markers. A begin without an end (or the reverse, or two blocks) is refused with a
 * WorkflowError naming the file and line, since guessing would overwrite the user's words.
 */
export function placeBlock(existing: string | null, block: string, path: string, fresh?: string): BlockPlacement {
	if (existing === null) return { text: fresh ?? block, action: 'created' };
	const eol = detectEol(existing);
	const body = withEol(block, eol);
	const markers = findMarkers(existing);
	const begins = markers.filter((m) => m.kind === 'begin');
	const ends = markers.filter((m) => m.kind === 'end');
	if (begins.length === 0 && ends.length === 0) {
		// Appended as a section of its own: a blank line between the user's text and the block.
		const separator = existing === '' ? '' : existing.endsWith('\n') ? eol : eol + eol;
		return { text: existing + separator + body, action: 'added' };
	}
	const problem = (line: number, what: string) =>
		new WorkflowError('agent-markers', `${path} line ${line}: ${what}; fix the spec-work markers by hand, then run init-agent again`, path);
	if (begins.length > 1) throw problem(begins[1].line, `a second ${BLOCK_BEGIN} … --> marker (only one generated block is allowed)`);
	if (begins.length === 0) throw problem(ends[0].line, `${BLOCK_END} without a ${BLOCK_BEGIN} … --> line before it`);
	const begin = begins[0];
	const end = ends.find((m) => m.start > begin.start);
	if (!end) throw problem(begin.line, `${BLOCK_BEGIN} … --> without a ${BLOCK_END} line after it`);
	const stray = ends.find((m) => m !== end);
	if (stray) throw problem(stray.line, `a ${BLOCK_END} marker outside the generated block`);
	// Replace from the begin line's start to the end marker's last character: the end line's own
	// line ending, and everything after it, stay the user's bytes.
	const replacement = body.endsWith(eol) ? body.slice(0, body.length - eol.length) : body;
	const text = existing.slice(0, begin.start) + replacement + existing.slice(end.contentEnd);
	return { text, action: text === existing ? 'unchanged' : 'updated' };
}

interface Marker {
	kind: 'begin' | 'end';
	/** 1-based line number, for messages. */
	line: number;
	start: number;
	/** Offset just past the line's content (before its line ending). */
	contentEnd: number;
}

function findMarkers(text: string): Marker[] {
	const fences = findFencedBlocks(text);
	const inFence = (offset: number) => fences.some(([from, to]) => offset >= from && offset < to);
	const markers: Marker[] = [];
	splitLines(text).forEach((line, i) => {
		const trimmed = line.text.trim();
		const kind = trimmed.startsWith(BLOCK_BEGIN) ? 'begin' : trimmed === BLOCK_END ? 'end' : null;
		if (kind === null || inFence(line.start)) return;
		markers.push({ kind, line: i + 1, start: line.start, contentEnd: line.start + line.text.length });
	});
	return markers;
}
