import { compareIds } from '../index/discovery';
import { Spec } from '../index/spec';
import { Finding } from './validate-types';
import { Workspace } from '../workspace/workspace';

export interface ParentCycles {
	/** One error per cycle, from its first spec in id order. */
	findings: Finding[];
	/** Every spec caught in a cycle: no fix acts on them (which parent is wrong is the owner's call). */
	inCycle: Set<Spec>;
}

/** Most specs a cycle message names before it says how many more there are. */
const NAMED = 10;

/**
 * Specs whose parents lead back to themselves, however each parent is derived: the index's
 * parent (the `parent` property, else the enclosing folder's spec) and every spec whose
 * `children` list names it. Each strongly connected group of two or more specs is one cycle.
 */
export function findParentCycles(ws: Workspace, specs: readonly Spec[]): ParentCycles {
	const parents = parentEdges(ws, specs);
	const findings: Finding[] = [];
	const inCycle = new Set<Spec>();
	for (const group of stronglyConnected(specs, parents)) {
		if (group.length < 2) continue;
		for (const spec of group) inCycle.add(spec);
		const members = new Set(group);
		const first = [...group].sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1))[0];
		const chain = cycleThrough(first, (s) => (parents.get(s) ?? []).filter((p) => members.has(p)));
		const named = chain.slice(0, NAMED).map((s) => `${s.id} (${s.path})`);
		if (chain.length > NAMED) named.push(`… ${chain.length - NAMED} more`);
		findings.push({
			severity: 'error',
			code: 'parent-cycle',
			path: first.path,
			message: `${first.path}: parents form a cycle: ${[...named, first.id].join(' → ')}; give one of them another parent`,
		});
	}
	return { findings, inCycle };
}

/** Each spec's parents: the index's first, then the specs whose children lists name it. */
function parentEdges(ws: Workspace, specs: readonly Spec[]): Map<Spec, Spec[]> {
	const out = new Map<Spec, Spec[]>();
	const add = (child: Spec, parent: Spec): void => {
		if (child === parent) return;
		const list = out.get(child);
		if (!list) out.set(child, [parent]);
		else if (!list.includes(parent)) list.push(parent);
	};
	for (const spec of specs) {
		const parent = ws.index.parentOf(spec);
		if (parent) add(spec, parent);
	}
	for (const spec of specs) {
		for (const ref of spec.childRefs) {
			const child = ws.index.resolveSpecRef(ref, spec.path);
			if (child) add(child, spec);
		}
	}
	return out;
}

/** The shortest walk from `start` along `next` back to it (breadth first), without the return step. */
function cycleThrough(start: Spec, next: (s: Spec) => Spec[]): Spec[] {
	const cameFrom = new Map<Spec, Spec>();
	const queue: Spec[] = [start];
	for (let i = 0; i < queue.length; i++) {
		const s = queue[i];
		for (const n of next(s)) {
			if (n === start) {
				const chain = [s];
				for (let p = cameFrom.get(s); p !== undefined; p = cameFrom.get(p)) chain.unshift(p);
				return chain;
			}
			if (!cameFrom.has(n) && n !== start) {
				cameFrom.set(n, s);
				queue.push(n);
			}
		}
	}
	return [start];
}

/**
 * Tarjan's strongly connected components, without recursion: a vault's hierarchy may be deep
 * enough to overflow the stack.
 */
export function stronglyConnected<T>(nodes: readonly T[], edges: ReadonlyMap<T, readonly T[]>): T[][] {
	const index = new Map<T, number>();
	const low = new Map<T, number>();
	const onStack = new Set<T>();
	const stack: T[] = [];
	const groups: T[][] = [];
	let counter = 0;
	for (const root of nodes) {
		if (index.has(root)) continue;
		const work: { node: T; next: number }[] = [{ node: root, next: 0 }];
		index.set(root, counter);
		low.set(root, counter++);
		stack.push(root);
		onStack.add(root);
		while (work.length > 0) {
			const frame = work[work.length - 1];
			const out = edges.get(frame.node) ?? [];
			if (frame.next < out.length) {
				const n = out[frame.next++];
				if (!index.has(n)) {
					index.set(n, counter);
					low.set(n, counter++);
					stack.push(n);
					onStack.add(n);
					work.push({ node: n, next: 0 });
				} else if (onStack.has(n)) {
					low.set(frame.node, Math.min(low.get(frame.node)!, index.get(n)!));
				}
				continue;
			}
			work.pop();
			if (work.length > 0) {
				const parent = work[work.length - 1].node;
				low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
			}
			if (low.get(frame.node) === index.get(frame.node)) {
				const group: T[] = [];
				let s: T;
				do {
					s = stack.pop()!;
					onStack.delete(s);
					group.push(s);
				} while (s !== frame.node);
				groups.push(group);
			}
		}
	}
	return groups;
}
