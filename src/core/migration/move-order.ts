import type { FileMove, MigrationProblem } from './migration-types';

/** Two files moving to one path, or a file moving onto one that stays; case-blind, as some file systems are. */
export function clashes(moves: FileMove[], paths: string[]): MigrationProblem[] {
	const out: MigrationProblem[] = [];
	const leaving = new Set(moves.map((m) => m.from.toLowerCase()));
	const existing = new Map(paths.map((p) => [p.toLowerCase(), p] as const));
	const landing = new Map<string, FileMove>();
	for (const m of moves) {
		const key = m.to.toLowerCase();
		const other = landing.get(key);
		if (other) {
			out.push({ severity: 'error', code: 'path-clash', path: m.to, message: `${other.from} and ${m.from} would both move to ${m.to}` });
			continue;
		}
		landing.set(key, m);
		const there = existing.get(key);
		if (there !== undefined && !leaving.has(key)) {
			out.push({ severity: 'error', code: 'path-clash', path: m.to, message: `${m.from} would move to ${m.to}, where ${there} already is` });
		}
	}
	return out;
}

/** Moves in an order where each target is free when its turn comes; a ring of moves is a problem. */
export function orderMoves(moves: FileMove[], problems: MigrationProblem[]): FileMove[] {
	const pending = new Map(moves.map((m) => [m.from.toLowerCase(), m] as const));
	const out: FileMove[] = [];
	while (pending.size > 0) {
		let progressed = false;
		for (const [key, m] of pending) {
			const blocker = pending.get(m.to.toLowerCase());
			if (blocker && blocker !== m) continue;
			out.push(m);
			pending.delete(key);
			progressed = true;
		}
		if (!progressed) {
			const ring = [...pending.values()];
			problems.push({
				severity: 'error',
				code: 'path-clash',
				path: ring[0].from,
				message: `These files would take each other's places: ${ring.map((m) => `${m.from} → ${m.to}`).join(', ')}`,
			});
			out.push(...ring);
			break;
		}
	}
	return out;
}
