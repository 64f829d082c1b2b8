import { createRequire } from 'node:module';
import type { JSDOM } from 'jsdom';

/**
 * Obsidian's additions to the DOM (createEl, empty, setText, addClass…). Under jest's jsdom
 * environment they go onto the global prototypes. Under the node environment there is no DOM, so
 * the fake builds a private jsdom window the first time an element is needed (a view, a modal, a
 * ribbon icon): plugin tests can stay in the fast node environment and still load a plugin.
 */
type Win = Window & typeof globalThis;

let privateWindow: Win | null = null;
const patched = new WeakSet<object>();

export function hasGlobalDom(): boolean {
	return typeof HTMLElement !== 'undefined' && typeof document !== 'undefined';
}

/** The window elements are created in: the global one under jsdom, else a private one. */
export function domWindow(): Win {
	if (hasGlobalDom()) return window;
	if (!privateWindow) {
		const load = createRequire(__filename);
		const { JSDOM: Dom } = load('jsdom') as { JSDOM: typeof JSDOM };
		const win: unknown = new Dom('<!doctype html><html><head></head><body></body></html>').window;
		privateWindow = win as Win;
		patchWindow(privateWindow);
	}
	return privateWindow;
}

export function domDocument(): Document {
	return domWindow().document;
}

type Info = DomElementInfo | SvgElementInfo | string | undefined;

function applyInfo(el: Element, o: Info, parent: Node | null): void {
	const info: DomElementInfo = typeof o === 'string' ? { cls: o } : (o ?? {});
	if (info.cls !== undefined) {
		const classes = (Array.isArray(info.cls) ? info.cls : [info.cls]).flatMap((c) => c.split(/\s+/)).filter((c) => c !== '');
		el.classList.add(...classes);
	}
	if (info.text !== undefined) setTextOn(el, info.text);
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttrOn(el, k, v);
	if (info.title !== undefined) el.setAttribute('title', info.title);
	if (info.type !== undefined) el.setAttribute('type', info.type);
	if (info.placeholder !== undefined) el.setAttribute('placeholder', info.placeholder);
	if (info.href !== undefined) el.setAttribute('href', info.href);
	if (info.value !== undefined) {
		if ('value' in el) (el as HTMLInputElement).value = info.value;
		else el.setAttribute('value', info.value);
	}
	const target = info.parent ?? parent;
	if (target) {
		if (info.prepend) target.insertBefore(el, target.firstChild);
		else target.appendChild(el);
	}
}

function docOf(node: Node | null): Document {
	if (!node) return domDocument();
	return node.nodeType === 9 ? (node as Document) : (node.ownerDocument ?? domDocument());
}

function createElIn(parent: Node | null, tag: string, o?: Info, cb?: (el: HTMLElement) => void): HTMLElement {
	// This is createEl itself, so it cannot use createEl.
	const el = docOf(parent)['createElementNS']('http://www.w3.org/1999/xhtml', tag);
	applyInfo(el, o, parent && parent.nodeType !== 9 ? parent : null);
	cb?.(el);
	return el;
}

function createSvgIn(parent: Node | null, tag: string, o?: Info, cb?: (el: SVGElement) => void): SVGElement {
	const el = docOf(parent)['createElementNS']('http://www.w3.org/2000/svg', tag);
	applyInfo(el, o, parent && parent.nodeType !== 9 ? parent : null);
	cb?.(el);
	return el;
}

function setTextOn(el: Node, val: string | DocumentFragment): void {
	if (typeof val === 'string') el.textContent = val;
	else {
		while (el.firstChild) el.removeChild(el.firstChild);
		el.appendChild(val);
	}
}

function setAttrOn(el: Element, name: string, value: string | number | boolean | null): void {
	if (value === null) el.removeAttribute(name);
	else el.setAttribute(name, String(value));
}

function setStyle(el: HTMLElement, prop: string, value: string | null): void {
	if (value === null) el.style.removeProperty(prop);
	else el.style.setProperty(prop, value);
}

function matchParent(start: Element, selector: string, lastParent?: Element): Element | null {
	for (let el: Element | null = start; el && el !== lastParent; el = el.parentElement) if (el.matches(selector)) return el;
	return null;
}

function define(proto: object, name: string, value: unknown): void {
	Object.defineProperty(proto, name, { value, configurable: true, writable: true, enumerable: false });
}

/** Installs Obsidian's DOM helpers on a window's prototypes and globals. */
function patchWindow(win: Win): void {
	if (patched.has(win)) return;
	patched.add(win);
	const node = win.Node.prototype;
	const element = win.Element.prototype;
	const html = win.HTMLElement.prototype;
	const fragment = win.DocumentFragment.prototype;

	define(node, 'createEl', function (this: Node, tag: string, o?: Info, cb?: (el: HTMLElement) => void) {
		return createElIn(this, tag, o, cb);
	});
	define(node, 'createDiv', function (this: Node, o?: Info, cb?: (el: HTMLElement) => void) {
		return createElIn(this, 'div', o, cb);
	});
	define(node, 'createSpan', function (this: Node, o?: Info, cb?: (el: HTMLElement) => void) {
		return createElIn(this, 'span', o, cb);
	});
	define(node, 'createSvg', function (this: Node, tag: string, o?: Info, cb?: (el: SVGElement) => void) {
		return createSvgIn(this, tag, o, cb);
	});
	define(node, 'detach', function (this: Node) {
		this.parentNode?.removeChild(this);
	});
	define(node, 'empty', function (this: Node) {
		while (this.firstChild) this.removeChild(this.firstChild);
	});
	define(node, 'appendText', function (this: Node, val: string) {
		this.appendChild(docOf(this).createTextNode(val));
	});
	define(node, 'insertAfter', function <T extends Node>(this: Node, child: T, other: Node | null) {
		this.insertBefore(child, other ? other.nextSibling : this.firstChild);
		return child;
	});
	define(node, 'indexOf', function (this: Node, other: Node) {
		return Array.prototype.indexOf.call(this.childNodes, other);
	});
	define(node, 'setChildrenInPlace', function (this: Node, children: Node[]) {
		while (this.firstChild) this.removeChild(this.firstChild);
		for (const c of children) this.appendChild(c);
	});
	define(node, 'instanceOf', function (this: Node, type: new () => unknown) {
		return Object.prototype.isPrototypeOf.call(type.prototype, this);
	});
	Object.defineProperty(node, 'doc', {
		configurable: true,
		get(this: Node) {
			return docOf(this);
		},
	});
	Object.defineProperty(node, 'win', {
		configurable: true,
		get(this: Node) {
			return docOf(this).defaultView;
		},
	});

	define(element, 'getText', function (this: Element) {
		return this.textContent ?? '';
	});
	define(element, 'setText', function (this: Element, val: string | DocumentFragment) {
		setTextOn(this, val);
	});
	define(element, 'addClass', function (this: Element, ...classes: string[]) {
		this.classList.add(...classes);
	});
	define(element, 'addClasses', function (this: Element, classes: string[]) {
		this.classList.add(...classes);
	});
	define(element, 'removeClass', function (this: Element, ...classes: string[]) {
		this.classList.remove(...classes);
	});
	define(element, 'removeClasses', function (this: Element, classes: string[]) {
		this.classList.remove(...classes);
	});
	define(element, 'toggleClass', function (this: Element, classes: string | string[], value: boolean) {
		for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
	});
	define(element, 'hasClass', function (this: Element, cls: string) {
		return this.classList.contains(cls);
	});
	define(element, 'setAttr', function (this: Element, name: string, value: string | number | boolean | null) {
		setAttrOn(this, name, value);
	});
	define(element, 'setAttrs', function (this: Element, obj: Record<string, string | number | boolean | null>) {
		for (const [k, v] of Object.entries(obj)) setAttrOn(this, k, v);
	});
	define(element, 'getAttr', function (this: Element, name: string) {
		return this.getAttribute(name);
	});
	define(element, 'matchParent', function (this: Element, selector: string, lastParent?: Element) {
		return matchParent(this, selector, lastParent);
	});
	define(element, 'isActiveElement', function (this: Element) {
		return docOf(this).activeElement === this;
	});
	define(element, 'find', function (this: Element, selector: string) {
		return this.querySelector(selector);
	});
	define(element, 'findAll', function (this: Element, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	});
	define(element, 'findAllSelf', function (this: Element, selector: string) {
		const all = Array.from(this.querySelectorAll(selector));
		return this.matches(selector) ? [this, ...all] : all;
	});
	define(fragment, 'find', function (this: DocumentFragment, selector: string) {
		return this.querySelector(selector);
	});
	define(fragment, 'findAll', function (this: DocumentFragment, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	});

	define(html, 'show', function (this: HTMLElement) {
		setStyle(this, 'display', null);
	});
	define(html, 'hide', function (this: HTMLElement) {
		setStyle(this, 'display', 'none');
	});
	define(html, 'toggle', function (this: HTMLElement, show: boolean) {
		setStyle(this, 'display', show ? null : 'none');
	});
	define(html, 'toggleVisibility', function (this: HTMLElement, visible: boolean) {
		setStyle(this, 'visibility', visible ? null : 'hidden');
	});
	define(html, 'isShown', function (this: HTMLElement) {
		return this.style.display !== 'none' && this.isConnected;
	});
	define(html, 'setCssStyles', function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
		Object.assign(this.style, styles);
	});
	define(html, 'setCssProps', function (this: HTMLElement, props: Record<string, string>) {
		for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
	});
	define(html, 'onClickEvent', function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
		this.addEventListener('click', listener, options);
		this.addEventListener('auxclick', listener, options);
	});
	define(html, 'trigger', function (this: HTMLElement, eventType: string) {
		this.dispatchEvent(new win.Event(eventType, { bubbles: true, cancelable: true }));
	});
	define(
		html,
		'on',
		function (this: HTMLElement, type: string, selector: string, listener: (ev: Event, target: HTMLElement) => unknown, options?: boolean | AddEventListenerOptions) {
			const wrapped = (ev: Event): void => {
				const target = (ev.target as Element | null)?.closest(selector);
				if (target && this.contains(target)) listener.call(target, ev, target as HTMLElement);
			};
			(listener as unknown as { __wrapped?: (ev: Event) => void }).__wrapped = wrapped;
			this.addEventListener(type, wrapped, options);
		},
	);
	define(html, 'off', function (this: HTMLElement, type: string, _selector: string, listener: (ev: Event) => unknown, options?: boolean | AddEventListenerOptions) {
		const wrapped = (listener as unknown as { __wrapped?: (ev: Event) => void }).__wrapped;
		if (wrapped) this.removeEventListener(type, wrapped, options);
	});
	define(html, 'onNodeInserted', function () {
		return () => undefined;
	});
	define(html, 'onWindowMigrated', function () {
		return () => undefined;
	});
}

function defineGlobal(name: string, value: unknown): void {
	Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

/**
 * Installs the DOM helpers: on the global prototypes when a DOM exists, and always the global
 * `createEl`/`createDiv`/`createSpan`/`createSvg`/`createFragment`, `activeDocument`,
 * `activeWindow`, `fish`, `fishAll` (backed by the private window under the node environment).
 * Safe to call more than once.
 */
export function installDomHelpers(): void {
	if (hasGlobalDom()) patchWindow(window);
	defineGlobal('createEl', (tag: string, o?: Info, cb?: (el: HTMLElement) => void) => createElIn(null, tag, o, cb));
	defineGlobal('createDiv', (o?: Info, cb?: (el: HTMLElement) => void) => createElIn(null, 'div', o, cb));
	defineGlobal('createSpan', (o?: Info, cb?: (el: HTMLElement) => void) => createElIn(null, 'span', o, cb));
	defineGlobal('createSvg', (tag: string, o?: Info, cb?: (el: SVGElement) => void) => createSvgIn(null, tag, o, cb));
	defineGlobal('createFragment', (cb?: (el: DocumentFragment) => void) => {
		const frag = domDocument()['createDocumentFragment']();
		cb?.(frag);
		return frag;
	});
	defineGlobal('fish', (selector: string) => domDocument().querySelector(selector));
	defineGlobal('fishAll', (selector: string) => Array.from(domDocument().querySelectorAll(selector)));
	if (hasGlobalDom()) {
		defineGlobal('activeWindow', window);
		defineGlobal('activeDocument', document);
	} else {
		Object.defineProperty(globalThis, 'activeWindow', { configurable: true, get: () => domWindow() });
		Object.defineProperty(globalThis, 'activeDocument', { configurable: true, get: () => domDocument() });
	}
}
