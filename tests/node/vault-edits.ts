import * as fc from 'fast-check';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

/*
 * Random edits of a small vault on disk, as people, syncs and other processes make them: for the
 * tests that check a kept index (the index cache, a vault kept open) against a cold build.
 */

/** The notes the steps write, rename and delete: specs of each form, plain notes, contexts that change ids. */
export const PATHS = [
	'specs/10/epic.md',
	'specs/10/11/spec.md',
	'specs/10/11/12.spec.md',
	'specs/10/11/13.spec.md',
	'specs/10/notes.md',
	'specs/10/11/12.context.md',
	'specs/10/11/E1-12.context.md',
	'specs/20/epic.md',
	'specs/20/21.spec.md',
	'specs/20/deliverables/docs/guide.md',
	// Outside the specs folder, yet it can take a spec's `[[epic]]` parent link.
	'epic.md',
];

export const note = fc.record({
	id: fc.option(fc.constantFrom('10', '11', '12', 'E1-12', '20', '21')),
	parent: fc.option(fc.constantFrom('10', '11', '[[../epic]]', '[[epic]]', '20')),
	type: fc.option(fc.constantFrom('epic', 'feature', 'task')),
	title: fc.constantFrom('Alpha', 'Beta', 'Gamma delta'),
	status: fc.constantFrom('planning', 'completed', 'someday'),
	children: fc.array(fc.constantFrom('12', '13', '21'), { maxLength: 2 }),
	deliverable: fc.boolean(),
	broken: fc.boolean(),
});

export type Note = typeof note extends fc.Arbitrary<infer T> ? T : never;

export function noteText(n: Note): string {
	const fm = [
		n.id === null ? null : `id: ${n.id}`,
		n.parent === null ? null : `parent: "${n.parent}"`,
		n.type === null ? null : `type: ${n.type}`,
		n.children.length ? `children: [${n.children.join(', ')}]` : null,
		n.broken ? 'tags: [unclosed' : null,
	].filter((l) => l !== null);
	const head = fm.length ? `---\n${fm.join('\n')}\n---\n` : '';
	const deliverables = n.deliverable ? '\n## Deliverables\n- [[deliverables/docs/guide|Guide]]\n' : '';
	return `${head}# ${n.id ?? 'X'} - ${n.title}\n\n**Status**: ${n.status}\n${deliverables}`;
}

export type Op =
	| { kind: 'write'; path: string; text: string }
	| { kind: 'tweak'; path: string; keepMtime: boolean }
	| { kind: 'rename'; from: string; to: string }
	| { kind: 'delete'; path: string };

const path = fc.constantFrom(...PATHS);
export const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ kind: fc.constant('write' as const), path, text: note.map(noteText) }),
	fc.record({ kind: fc.constant('tweak' as const), path, keepMtime: fc.boolean() }),
	fc.record({ kind: fc.constant('rename' as const), from: path, to: path }),
	fc.record({ kind: fc.constant('delete' as const), path }),
);

/** Sets the file's times again until its ctime differs from `ctime`: a clock tick may not have passed since. */
function untilCtimeMoves(abs: string, ctime: number, mtime: Date): void {
	while (statSync(abs).ctimeMs === ctime) utimesSync(abs, mtime, mtime);
}

/**
 * One edit as a person or a sync makes it. A tweak changes one letter's case (same size) and,
 * when asked, puts the mtime back as it was. With `settled`, each change is made to show in the
 * file's ctime, as it does once the file system's clock has ticked.
 */
export function apply(vault: string, o: Op, settled: boolean): void {
	const at = (p: string): string => join(vault, p);
	const before = (p: string): { ctime: number; mtime: Date } | null => {
		const st = statSync(at(p), { throwIfNoEntry: false });
		return st ? { ctime: st.ctimeMs, mtime: st.mtime } : null;
	};
	if (o.kind === 'write' || o.kind === 'tweak') {
		const old = before(o.path);
		if (o.kind === 'tweak' && old === null) return;
		const text = o.kind === 'write' ? o.text : flipCase(readFileSync(at(o.path), 'utf8'));
		mkdirSync(dirname(at(o.path)), { recursive: true });
		writeFileSync(at(o.path), text);
		// Times kept to the second, as on coarse file systems: an mtime put back is then exactly the one cached.
		const mtime = o.kind === 'tweak' && o.keepMtime && old ? old.mtime : new Date(Math.floor(Date.now() / 1000) * 1000);
		utimesSync(at(o.path), mtime, mtime);
		if (settled && old) untilCtimeMoves(at(o.path), old.ctime, mtime);
	} else if (o.kind === 'rename') {
		if (o.from === o.to || !existsSync(at(o.from)) || existsSync(at(o.to))) return;
		mkdirSync(dirname(at(o.to)), { recursive: true });
		renameSync(at(o.from), at(o.to));
	} else {
		rmSync(at(o.path), { force: true });
	}
}

/** The first letter of the title in the other case: same bytes count, other facts. */
function flipCase(text: string): string {
	const at = text.search(/ - [A-Za-z]/) + 3;
	if (at < 3) return text + 'x';
	const c = text[at];
	return text.slice(0, at) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + text.slice(at + 1);
}

/** Three notes to start from, and up to five steps of up to three edits each. */
export const startNotes = fc.array(note.map(noteText), { minLength: 3, maxLength: 3 });
export const editSteps = fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });

/** A vault at `vault` holding the start notes. */
export function seedVault(vault: string, notes: readonly string[]): void {
	mkdirSync(join(vault, 'specs'), { recursive: true });
	notes.forEach((text, i) => apply(vault, { kind: 'write', path: PATHS[i], text }, false));
}
