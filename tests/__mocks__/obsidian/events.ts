import type { EventRef as RealEventRef } from 'obsidian';

/** What `on` returns; `offref` takes it back. */
export interface EventRef extends RealEventRef {
	e: Events;
	name: string;
	fn: (...data: unknown[]) => unknown;
	ctx?: unknown;
}

/**
 * Errors thrown (or promises rejected) by event listeners. Obsidian catches them so one bad listener
 * cannot break the app; the fake does the same but keeps them here, and `app.flush()` rethrows them
 * so a failing listener fails the test instead of vanishing.
 */
export const listenerErrors: unknown[] = [];

export class Events {
	private handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: callback as (...data: unknown[]) => unknown, ctx };
		const list = this.handlers.get(name) ?? [];
		list.push(ref);
		this.handlers.set(name, list);
		return ref;
	}

	off(name: string, callback: (...data: never[]) => unknown): void {
		const list = this.handlers.get(name);
		if (!list) return;
		this.handlers.set(
			name,
			list.filter((ref) => ref.fn !== callback),
		);
	}

	offref(ref: RealEventRef): void {
		const r = ref as EventRef;
		const list = this.handlers.get(r.name);
		if (!list) return;
		this.handlers.set(
			r.name,
			list.filter((x) => x !== r),
		);
	}

	trigger(name: string, ...data: unknown[]): void {
		// Copy first: a listener may unsubscribe itself while we iterate.
		for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
	}

	tryTrigger(evt: RealEventRef, args: unknown[]): void {
		const ref = evt as EventRef;
		try {
			const out = ref.fn.apply(ref.ctx, args);
			if (out instanceof Promise) out.catch((err: unknown) => listenerErrors.push(err));
		} catch (err) {
			listenerErrors.push(err);
		}
	}

	/** Test helper: how many listeners are attached to `name`. */
	listenerCount(name: string): number {
		return this.handlers.get(name)?.length ?? 0;
	}
}
