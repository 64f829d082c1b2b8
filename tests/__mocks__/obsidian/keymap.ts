import type { KeymapEventHandler, KeymapEventListener, Modifier, UserEvent } from 'obsidian';

export class Scope {
	/** Registered key handlers (test helper). */
	readonly handlers: (KeymapEventHandler & { func: KeymapEventListener })[] = [];

	constructor(readonly parent?: Scope) {}

	register(modifiers: Modifier[] | null, key: string | null, func: KeymapEventListener): KeymapEventHandler {
		const handler = { scope: this as never, modifiers: modifiers ? modifiers.join(',') : null, key, func };
		this.handlers.push(handler);
		return handler;
	}

	unregister(handler: KeymapEventHandler): void {
		const i = this.handlers.indexOf(handler as KeymapEventHandler & { func: KeymapEventListener });
		if (i >= 0) this.handlers.splice(i, 1);
	}
}

export class Keymap {
	readonly scopes: Scope[] = [];

	pushScope(scope: Scope): void {
		this.scopes.push(scope);
	}

	popScope(scope: Scope): void {
		const i = this.scopes.lastIndexOf(scope);
		if (i >= 0) this.scopes.splice(i, 1);
	}

	/** `Mod` is Ctrl on Windows/Linux and Cmd on macOS; the fake treats either as Mod. */
	static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
		switch (modifier) {
			case 'Mod':
				return evt.ctrlKey || evt.metaKey;
			case 'Ctrl':
				return evt.ctrlKey;
			case 'Meta':
				return evt.metaKey;
			case 'Shift':
				return evt.shiftKey;
			case 'Alt':
				return evt.altKey;
		}
	}

	static isModEvent(evt?: UserEvent | null): 'tab' | 'split' | 'window' | boolean {
		if (!evt) return false;
		const mod = evt.ctrlKey || evt.metaKey;
		if (mod && evt.altKey && evt.shiftKey) return 'window';
		if (mod && evt.altKey) return 'split';
		if (mod) return 'tab';
		return 'button' in evt && evt.button === 1 ? 'tab' : false;
	}
}
