import type { SpecType } from '../metadata/spec-type';

export type { SpecType };

/** A spec as the index knows it: read from its file's properties, header lines and name. */
export interface Spec {
	/**
	 * From the file name (`1014.spec.md`, or the folder of `spec.md`/`epic.md`; the id part of an old-layout
	 * name such as `1014-task-cold-storage.spec.md`), or a fuller form of it
	 * that the frontmatter `id`, the heading or a context beside names (`E13-F01` for folder `F01`);
	 * a string, never a number.
	 */
	id: string;
	/** Other ids that find this spec: an old-layout name, the name's id when a fuller one is the id, a frontmatter `id` that differs. */
	aliases: string[];
	path: string;
	/** The declared type (frontmatter `type`, or epic.md), or null when it is inferred from depth. */
	declaredType: SpecType | null;
	/** Without a leading copy of the id (`# 1014 - Cold Storage` → `Cold Storage`); the id when there is no title. */
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
	/** The `deliverables` property's items as written: links, paths (from the spec's folder or the vault root) or file names. */
	deliverableProperty: string[];
	/** The `children` property's items as written: ids or links. */
	childRefs: string[];
	/** The `commits` property's items as written (`08e4cc5` or `08e4cc5: message`), oldest first. */
	commits: string[];
}

export interface IndexProblem {
	severity: 'error' | 'warning';
	code: string;
	path: string;
	message: string;
	/** A malformed-frontmatter problem that left out only this property: the spec is still usable. */
	ignoredProperty?: string;
}
