/**
 * One submission at a time for a form modal: it closes when the submission succeeds and stays
 * open, with everything typed, when it fails (the operation has already said why in a notice).
 */
export class Submission {
	private busy = false;
	/** The submission in flight (tests await it). */
	current: Promise<void> = Promise.resolve();

	run(modal: { close(): void }, submit: () => Promise<boolean>): void {
		if (this.busy) return;
		this.busy = true;
		this.current = submit()
			.then((done) => {
				if (done) modal.close();
			})
			.finally(() => (this.busy = false));
	}
}
