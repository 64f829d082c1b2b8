import { FileStoreError } from './file-store';

/**
 * Decoding a note's bytes (the CLI's reads, the plugin's checks before it writes): a note that is
 * not UTF-8 is refused, never read with replacement characters. ignoreBOM keeps a byte-order mark
 * in the text (by default a decoder drops it), so the file store can write it back.
 */
let decoder: TextDecoder | null = null;

/** Made on first use, not on import: test environments without TextDecoder still load the core. */
function strictUtf8(): TextDecoder {
	return (decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }));
}

/**
 * The bytes as UTF-8 text, or a FileStoreError naming the file and the first byte that is not
 * UTF-8: decoding it with replacement characters and writing it back would lose those bytes.
 */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
	try {
		return strictUtf8().decode(bytes);
	} catch {
		const at = firstInvalidByte(bytes);
		const byte = at < bytes.length ? `0x${bytes[at].toString(16).padStart(2, '0')}` : 'a cut sequence';
		throw new FileStoreError('io', path, `${path}: not UTF-8 text (${byte} at byte ${at}); it is left untouched: save it as UTF-8 to work on it`);
	}
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length;) {
		const b = bytes[i];
		const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		if (n === 0) return i;
		if (n > 1 && strictPrefixInvalid(bytes.subarray(i, i + n), n)) return i;
		i += n;
	}
	return bytes.length;
}

function strictPrefixInvalid(seq: Uint8Array, n: number): boolean {
	if (seq.length < n) return true;
	try {
		strictUtf8().decode(seq);
		return false;
	} catch {
		return true;
	}
}
