import type { OpenSpec } from '../reports/open-specs';
import type { StartResult } from '../workflow/start-session';
import type { DeliverablesOutcome } from './deliverables';

/*
 * The JSON machines get for an operation's result, where it is not the result itself: the CLI's
 * --json and the MCP tools' structured content both build it here, so the two never drift.
 */

/** The session started; the spec trimmed to what names it (the index's reading of it is internal). */
export function startJson(r: StartResult): unknown {
	return { ...r, spec: { id: r.spec.id, title: r.spec.title, path: r.spec.path } };
}

/** Every spec not completed, under one key so the answer stays an object. */
export function openSpecsJson(specs: OpenSpec[]): { specs: OpenSpec[] } {
	return { specs };
}

/** The report; when saved, with the note's path and the paths written (none when it was unchanged). */
export function deliverablesJson({ report, saved }: DeliverablesOutcome): unknown {
	if (!saved) return report;
	return { ...report, written: saved.written ? [saved.path] : [], reportPath: saved.path };
}

/** The next free id, under one key. */
export function suggestIdJson(id: string): { id: string } {
	return { id };
}
