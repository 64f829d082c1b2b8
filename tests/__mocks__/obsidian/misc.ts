import type { Debouncer, RequestUrlParam } from 'obsidian';

/** Mutable so tests can pretend to be on mobile: `Platform.isMobile = true`. */
export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
	resourcePathPrefix: 'app://local/',
};

const desktopPlatform = { ...Platform };

/** Back to a desktop Linux app. */
export function resetPlatform(): void {
	Object.assign(Platform, desktopPlatform);
}

/** Switches the fake to Obsidian mobile (phone). */
export function setMobilePlatform(): void {
	Object.assign(Platform, { isDesktop: false, isMobile: true, isDesktopApp: false, isMobileApp: true, isPhone: true, isLinux: false, isAndroidApp: true });
}

/** The app the typings describe (node_modules/obsidian). */
const CURRENT_API_VERSION = '1.13.1';

/**
 * The version of the Obsidian the fake plays. APIs newer than it are missing, as on an older app:
 * they throw as a missing method would. Tests of an older app's path call `setApiVersion` and
 * `resetApiVersion` after.
 */
export let apiVersion = CURRENT_API_VERSION;

export function setApiVersion(version: string): void {
	apiVersion = version;
}

export function resetApiVersion(): void {
	apiVersion = CURRENT_API_VERSION;
}

/** Throws, as calling a method the app does not have yet would, when the fake plays an app older than `since`. */
export function requireFakeApi(name: string, since: string): void {
	if (!requireApiVersion(since)) throw new TypeError(`${name} is not a function (it came in Obsidian ${since}; this app is ${apiVersion})`);
}

export function requireApiVersion(version: string): boolean {
	const a = apiVersion.split('.').map(Number);
	const b = version.split('.').map(Number);
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const d = (a[i] ?? 0) - (b[i] ?? 0);
		if (d !== 0) return d > 0;
	}
	return true;
}

/** Obsidian's debounce: calls `cb` with the latest arguments `timeout` ms after the last call. */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const run = (): V | void => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		if (!lastArgs) return;
		const args = lastArgs;
		lastArgs = null;
		return cb(...args);
	};
	const debounced = ((...args: T) => {
		lastArgs = args;
		if (timer !== null && resetTimer) {
			clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = setTimeout(run, timeout);
		return debounced;
	}) as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = run;
	return debounced;
}

/** Tests must not reach the network: every request fails loudly. */
export function requestUrl(request: RequestUrlParam | string): never {
	const url = typeof request === 'string' ? request : request.url;
	throw new Error(`requestUrl is not available in tests (${url})`);
}

export async function request(req: RequestUrlParam | string): Promise<string> {
	return Promise.reject(new Error(`request is not available in tests (${typeof req === 'string' ? req : req.url})`));
}

export function setTooltip(el: HTMLElement, tooltip: string): void {
	el.setAttr('aria-label', tooltip);
}

export function stripHeading(heading: string): string {
	return heading
		.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export function stripHeadingForLink(heading: string): string {
	return heading
		.replace(/[#|^\\%[\]]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export function arrayBufferToBase64(buffer: ArrayBuffer): string {
	return btoa(Array.from(new Uint8Array(buffer), (b) => String.fromCharCode(b)).join(''));
}

export function base64ToArrayBuffer(base64: string): ArrayBuffer {
	const s = atob(base64);
	const bytes = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
	return bytes.buffer;
}
