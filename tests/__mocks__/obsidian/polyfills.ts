import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';

/**
 * Obsidian adds these to built-in prototypes at startup (see the `declare global` block of
 * obsidian.d.ts). Plugin code may call them, so the fake adds them too (non-enumerable).
 */
function define(target: object, name: string, value: unknown): void {
	if (Object.prototype.hasOwnProperty.call(target, name)) return;
	Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

export function installPolyfills(): void {
	define(Array.prototype, 'first', function <T>(this: T[]) {
		return this[0];
	});
	define(Array.prototype, 'last', function <T>(this: T[]) {
		return this[this.length - 1];
	});
	define(Array.prototype, 'contains', function <T>(this: T[], target: T) {
		return this.includes(target);
	});
	define(Array.prototype, 'remove', function <T>(this: T[], target: T) {
		for (let i = this.indexOf(target); i >= 0; i = this.indexOf(target)) this.splice(i, 1);
	});
	define(Array.prototype, 'unique', function <T>(this: T[]) {
		return Array.from(new Set(this));
	});
	define(Array.prototype, 'shuffle', function <T>(this: T[]) {
		for (let i = this.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[this[i], this[j]] = [this[j], this[i]];
		}
		return this;
	});
	define(Array, 'combine', <T>(arrays: T[][]) => ([] as T[]).concat(...arrays));
	define(String.prototype, 'contains', function (this: string, target: string) {
		return this.includes(target);
	});
	define(String.prototype, 'format', function (this: string, ...args: string[]) {
		return this.replace(/\{(\d+)\}/g, (m: string, i: string) => args[Number(i)] ?? m);
	});
	define(String, 'isString', (obj: unknown) => typeof obj === 'string');
	define(Number, 'isNumber', (obj: unknown) => typeof obj === 'number');
	define(Math, 'clamp', (value: number, min: number, max: number) => Math.min(max, Math.max(min, value)));
	define(Math, 'square', (value: number) => value * value);
	define(Object, 'isEmpty', (obj: Record<string, unknown>) => Object.keys(obj).length === 0);
	define(Object, 'each', (obj: Record<string, unknown>, cb: (value: unknown, key?: string) => boolean | void, ctx?: unknown) => {
		for (const [k, v] of Object.entries(obj)) if (cb.call(ctx, v, k) === false) return false;
		return true;
	});
	define(globalThis, 'isBoolean', (obj: unknown) => typeof obj === 'boolean');
	define(globalThis, 'sleep', (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	define(globalThis, 'nextFrame', () => new Promise<void>((resolve) => setTimeout(resolve, 0)));
	// Obsidian's browser engine has these; jsdom leaves them out.
	define(globalThis, 'TextDecoder', NodeTextDecoder);
	define(globalThis, 'TextEncoder', NodeTextEncoder);
}
