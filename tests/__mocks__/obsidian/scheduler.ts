/**
 * Deferred work the fake does "later", as Obsidian does: metadata parsing after a write, editor
 * saves. `flush()` runs it all now and waits for tracked promises, so tests never sleep.
 */
export class Scheduler {
	private tasks: (() => void)[] = [];
	private timer: ReturnType<typeof setTimeout> | null = null;
	private promises = new Set<Promise<unknown>>();

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

	get idle(): boolean {
		return this.tasks.length === 0 && this.promises.size === 0;
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
			await Promise.allSettled([...this.promises]);
			// Let promise chains started by listeners settle before checking again.
			for (let i = 0; i < 10; i++) await Promise.resolve();
			if (this.idle) return;
		}
		throw new Error('flush(): work keeps scheduling more work (1000 rounds)');
	}
}
