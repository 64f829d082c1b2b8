import { Submission } from '../../../src/plugin/modals/submission';

/** A modal and its submit button, recording what the submission did to them. */
function form() {
	const seen: string[] = [];
	const modal = { close: () => seen.push('closed') };
	const button = { setDisabled: (d: boolean) => seen.push(d ? 'disabled' : 'enabled') };
	return { seen, modal, button };
}

describe('Submission', () => {
	it('closes the modal when the submission succeeds, the button disabled meanwhile', async () => {
		const { seen, modal, button } = form();
		const submission = new Submission();
		submission.run(modal, () => Promise.resolve(true), button);
		expect(seen).toEqual(['disabled']);
		await submission.current;
		expect(seen).toEqual(['disabled', 'closed']);
	});

	it('keeps the modal open and the button usable again when it fails', async () => {
		const { seen, modal, button } = form();
		const submission = new Submission();
		submission.run(modal, () => Promise.resolve(false), button);
		await submission.current;
		expect(seen).toEqual(['disabled', 'enabled']);
	});

	it('ignores a second press while the first runs', async () => {
		const { modal } = form();
		const submission = new Submission();
		let calls = 0;
		let finish: (done: boolean) => void = () => {};
		const submit = () => {
			calls++;
			return new Promise<boolean>((resolve) => (finish = resolve));
		};
		submission.run(modal, submit);
		submission.run(modal, submit);
		expect(calls).toBe(1);
		finish(false);
		await submission.current;
		submission.run(modal, submit);
		expect(calls).toBe(2);
	});
});
