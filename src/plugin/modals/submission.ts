/** The button that submits a form: disabled while its submission runs, so it is not pressed twice. */
interface SubmitButton {
	setDisabled(disabled: boolean): unknown;
}

/**
 * The one way a form modal submits: one submission at a time; the modal closes when the submission
 * succeeds and stays open, with everything typed, when it fails (the operation has already said
 * why in a notice). Every form modal holds one and runs its submit handler through it.
 */
export class Submission {
	private busy = false;
	/** The submission in flight (tests await it). */
	current: Promise<void> = Promise.resolve();

	run(modal: { close(): void }, submit: () => Promise<boolean>, button?: SubmitButton): void {
		if (this.busy) return;
		this.busy = true;
		button?.setDisabled(true);
		this.current = submit()
			.then((done) => {
				if (done) modal.close();
				else button?.setDisabled(false);
			})
			.finally(() => (this.busy = false));
	}
}
