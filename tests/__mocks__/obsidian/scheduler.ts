/**
 * Deferred work the fake does "later", as Obsidian does: metadata parsing after a write, editor
 * saves. `flush()` runs it all now and waits for tracked promises, so tests never sleep.
 */
export class Scheduler {
	private tasks: (() => void)[] = [];
	private timer: ReturnType<typeof setTimeout> | null = null;
	private promises = new Set<Promise<unknown>>();
	/** Editor saves waiting for their two seconds, one per key (a later request replaces an earlier one). */
	private saves = new Map<unknown, () => Promise<unknown>>();
	/** While true, `flush()` leaves editor saves waiting: less than two seconds have passed. */
	savesHeld = false;

	constructor(private readonly immediate: boolean) {}

	/** Runs `task` on the next macrotask (or at once when the app was made with `metadata: 'sync'`). */
	defer(task: () => void): void {
		if (this.immediate) {
			task();
			return;
		}
		this.tasks.push(task);
		if (this.timer === null) this.timer = setTimeout(() => this.runTasks(), 0);
	}

	/** Keeps a promise that `flush()` must wait for (fire-and-forget writes). */
	track(promise: Promise<unknown>): void {
		const p = promise.finally(() => this.promises.delete(p));
		this.promises.add(p);
	}

	/**
	 * An editor's save, debounced per key: Obsidian writes typing two seconds after the last
	 * keystroke; the fake writes it when `flush()` lets time pass (never while saves are held).
	 */
	saveLater(key: unknown, save: () => Promise<unknown>): void {
		this.saves.set(key, save);
	}

	/** Drops a waiting save (the view saved now, or closed). */
	cancelSave(key: unknown): void {
		this.saves.delete(key);
	}

	get idle(): boolean {
		return this.tasks.length === 0 && this.promises.size === 0 && (this.savesHeld || this.saves.size === 0);
	}

	private runSaves(): void {
		if (this.savesHeld) return;
		const saves = [...this.saves.values()];
		this.saves.clear();
		for (const save of saves) this.track(save());
	}

	runTasks(): void {
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
		while (this.tasks.length) {
			const batch = this.tasks.splice(0);
			for (const task of batch) task();
		}
	}

	async flush(): Promise<void> {
		for (let round = 0; round < 1000; round++) {
			this.runTasks();
			this.runSaves();
			await Promise.allSettled([...this.promises]);
			// Let promise chains started by listeners settle before checking again.
			for (let i = 0; i < 10; i++) await Promise.resolve();
			if (this.idle) return;
		}
		throw new Error('flush(): work keeps scheduling more work (1000 rounds)');
	}
}
