import { decodeUtf8 } from '../core/files/strict-utf8';

export { decodeUtf8 };

/**
 * The same answer as decodeUtf8 of the file's bytes, cheaper: the runtime's own UTF-8 read (one
 * native call) replaces bytes that are not UTF-8 with U+FFFD, so only a text holding U+FFFD (rare:
 * a bad byte, or the character itself) is decoded again strictly from its bytes.
 */
export function readUtf8(readText: () => string, readBytes: () => Uint8Array, path: string): string {
	const text = readText();
	return text.includes('\uFFFD') ? decodeUtf8(readBytes(), path) : text;
}
