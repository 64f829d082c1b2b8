/** `node:module` for the screenshot page: the fake only needs createRequire where there is no DOM, and the page has one. */
export function createRequire(): never {
	throw new Error('createRequire is not available in the browser');
}
