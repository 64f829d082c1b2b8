import { detectEol, withEol } from '../markdown/eol';
import { scanLines } from './lines';

/**
 * A plan an agent proposes, written in the journal's `## Plan` as a callout until the person
 * decides (docs/formats.md, "A proposed plan"):
 *
 * ```
 * > [!question] Proposed plan (awaiting approval)
 * > proposed: 2025-08-29 10:00
 * > - [ ] Analyze the logs
 * ```
 *
 * Deciding turns the same block into its record: `> [!success] Plan approved` with an
 * `approved:` line and the tasks as approved, or `> [!failure] Plan rejected` with `rejected:` and
 * `reason:` lines. Its lines start with `>`, so no plan reader takes them for tasks: a proposal
 * counts nowhere until approved, when its tasks are added to the plan as `start` adds them.
 */

export type ProposalState = 'awaiting' | 'approved' | 'rejected';

export interface Proposal {
	state: ProposalState;
	/** `YYYY-MM-DD HH:MM` as written; null when the line is missing. */
	proposed: string | null;
	/** When approved or rejected; null while awaiting. */
	decided: string | null;
	/** The tasks proposed (awaiting, rejected) or approved, in order. */
	tasks: string[];
	/** The rejection's reason; null otherwise. */
	reason: string | null;
	/** The block's offsets: its first line's start, and just past its last line's end. */
	start: number;
	end: number;
}

const HEADINGS: Record<ProposalState, string> = {
	awaiting: '> [!question] Proposed plan (awaiting approval)',
	approved: '> [!success] Plan approved',
	rejected: '> [!failure] Plan rejected',
};

const HEADING = /^>[ \t]*\[!(question|success|failure)\][+-]?[ \t]+(Proposed plan|Plan approved|Plan rejected)\b/i;
const STATE_BY_TITLE: Record<string, ProposalState> = { 'proposed plan': 'awaiting', 'plan approved': 'approved', 'plan rejected': 'rejected' };
const FIELD = /^>[ \t]*(proposed|approved|rejected|reason):[ \t]*(.*?)[ \t]*$/i;
const ITEM = /^>[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?(.*?)[ \t]*$/;

/** The proposal blocks of [from, to) (a plan section), in order; lines inside code are not read. */
export function readProposals(text: string, from = 0, to = text.length): Proposal[] {
	const found: Proposal[] = [];
	let current: Proposal | null = null;
	for (const line of scanLines(text, from, to)) {
		const quoted = !line.inFence && line.text.startsWith('>');
		if (current && !quoted) current = null;
		if (!quoted) continue;
		const heading = HEADING.exec(line.text);
		if (heading) {
			current = { state: STATE_BY_TITLE[heading[2].toLowerCase()], proposed: null, decided: null, tasks: [], reason: null, start: line.start, end: line.end };
			found.push(current);
			continue;
		}
		if (!current) continue;
		current.end = line.end;
		const field = FIELD.exec(line.text);
		if (field) {
			const name = field[1].toLowerCase();
			if (name === 'proposed') current.proposed = field[2];
			else if (name === 'reason') current.reason = field[2];
			else current.decided = field[2];
			continue;
		}
		const item = ITEM.exec(line.text);
		if (item && item[1] !== '') current.tasks.push(item[1]);
	}
	return found;
}

/** The proposal that counts: the last one written. */
export function latestProposal(proposals: readonly Proposal[]): Proposal | null {
	return proposals.length === 0 ? null : proposals[proposals.length - 1];
}

/** The block as it is written, in "\n" line ends, ending with one. */
export function formatProposal(p: Pick<Proposal, 'state' | 'proposed' | 'decided' | 'tasks' | 'reason'>): string {
	const lines = [HEADINGS[p.state]];
	if (p.proposed !== null) lines.push(`> proposed: ${p.proposed}`);
	if (p.state !== 'awaiting' && p.decided !== null) lines.push(`> ${p.state}: ${p.decided}`);
	if (p.state === 'rejected' && p.reason !== null) lines.push(`> reason: ${p.reason}`);
	// Only the awaiting block shows checkboxes: a decided one is a record, not a list to tick.
	for (const task of p.tasks) lines.push(p.state === 'awaiting' ? `> - [ ] ${task}` : `> - ${task}`);
	return lines.join('\n') + '\n';
}

/** `text` with the block `p` replaced by `block` ("\n"-written), in the text's line ends. */
export function replaceProposal(text: string, p: Proposal, block: string): string {
	return text.slice(0, p.start) + withEol(block, detectEol(text)) + text.slice(p.end);
}

/**
 * A callout ends at a blank line: a line written right after it (a task added to the plan) would
 * read as its continuation in some renderers, so one blank line is put after the block when the
 * next line is not blank already.
 */
export function separateAfter(text: string, p: Proposal): string {
	if (p.end >= text.length) return text;
	const next = text.slice(p.end, text.indexOf('\n', p.end) < 0 ? text.length : text.indexOf('\n', p.end));
	if (/^[ \t]*\r?$/.test(next)) return text;
	return text.slice(0, p.end) + detectEol(text) + text.slice(p.end);
}
