import type { SpecType } from '../metadata/spec-type';

export type { SpecType };

/** A spec as the index knows it: read from its file's properties, header lines and name. */
export interface Spec {
	/** From the file name (`1014.spec.md`, or the folder of `spec.md`/`epic.md`); a string, never a number. */
	id: string;
	/** Other ids that find this spec: a frontmatter `id` that differs from the name's. */
	aliases: string[];
	path: string;
	/** The declared type (frontmatter `type`, or epic.md), or null when it is inferred from depth. */
	declaredType: SpecType | null;
	title: string;
	/** Canonical status when the word is known, else null (see statusRaw). */
	status: string | null;
	/** The status as written ('' when there is none), shown as-is when unknown. */
	statusRaw: string;
	/** The parent as written: an id (`E01-F01`) or a link (`[[../epic|Epic]]`), or null. */
	parentRef: string | null;
	/** The context file as written in the `context` property or `**Context**:` line, or null. */
	contextRef: string | null;
	/** Link targets as written in the spec's `## Deliverables` section. */
	deliverableRefs: string[];
}

export interface IndexProblem {
	severity: 'error' | 'warning';
	code: string;
	path: string;
	message: string;
}
