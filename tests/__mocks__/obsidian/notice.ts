import { domDocument } from './dom';

/** Every notice's current message, in the order they were shown (test helper). */
export const notices: string[] = [];

/** Every notice with its duration and whether it was hidden (test helper). */
export const noticeLog: { message: string; duration: number | undefined; hidden: boolean }[] = [];

/** Every notice shown, to reach the buttons of a notice's fragment (test helper). */
export const shownNotices: Notice[] = [];

export function clearNotices(): void {
	notices.length = 0;
	noticeLog.length = 0;
	shownNotices.length = 0;
}

function textOf(message: string | DocumentFragment): string {
	return typeof message === 'string' ? message : (message.textContent ?? '');
}

/** Records its message in `notices`; its elements are only built when asked for. */
export class Notice {
	private readonly index: number;
	private els: { container: HTMLElement; notice: HTMLElement; message: HTMLElement } | null = null;
	private message: string | DocumentFragment;

	constructor(message: string | DocumentFragment, duration?: number) {
		this.message = message;
		this.index = notices.push(textOf(message)) - 1;
		noticeLog.push({ message: textOf(message), duration, hidden: false });
		shownNotices.push(this);
	}

	private build(): { container: HTMLElement; notice: HTMLElement; message: HTMLElement } {
		if (!this.els) {
			const doc = domDocument();
			const container = doc.body.createDiv('notice-container');
			const notice = container.createDiv('notice');
			const message = notice.createDiv('notice-message');
			message.setText(this.message);
			this.els = { container, notice, message };
		}
		return this.els;
	}

	get noticeEl(): HTMLElement {
		return this.build().notice;
	}

	get containerEl(): HTMLElement {
		return this.build().container;
	}

	get messageEl(): HTMLElement {
		return this.build().message;
	}

	setMessage(message: string | DocumentFragment): this {
		this.message = message;
		notices[this.index] = textOf(message);
		noticeLog[this.index].message = textOf(message);
		this.els?.message.setText(message);
		return this;
	}

	hide(): void {
		noticeLog[this.index].hidden = true;
		this.els?.container.detach();
	}
}
