import type { FileMove, MoveReason } from './migration-types';

/** The moves planned so far: the first plan for a file wins, and a file that stays is planned but not moved. */
export class PlannedMoves {
	readonly moves: FileMove[] = [];
	private readonly planned = new Map<string, string>();

	add(from: string, to: string, reason: MoveReason): void {
		if (this.planned.has(from)) return;
		this.planned.set(from, to);
		if (from !== to) this.moves.push({ from, to, reason });
	}

	has(path: string): boolean {
		return this.planned.has(path);
	}
}
