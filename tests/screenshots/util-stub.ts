/** The page's own TextDecoder and TextEncoder, for the fake's polyfills (jsdom takes Node's from util). */
export const TextDecoder = globalThis.TextDecoder;
export const TextEncoder = globalThis.TextEncoder;
