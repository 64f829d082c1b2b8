import { decodeUtf8 } from '../files/strict-utf8';
import { isBinaryPath } from './file-kind';

/*
 * Content given for a new deliverable as bytes (a file copied in, standard input): text gets its
 * traceback header, anything else is kept byte for byte. Decoding a PNG or a PDF as UTF-8 would
 * replace its bytes with U+FFFD and ruin it (docs/formats.md, Deliverables).
 */

export type DeliverableBytes = { kind: 'text'; text: string } | { kind: 'binary'; bytes: Uint8Array };

/** How far a NUL byte is looked for: text never holds one, and binary formats show one early. */
const SNIFF_BYTES = 8192;

/**
 * Text when the bytes are UTF-8 without a NUL in their first 8 KB and the deliverable's name is not
 * a binary format (png, pdf, zip…); binary otherwise.
 */
export function deliverableBytes(fileName: string, bytes: Uint8Array): DeliverableBytes {
	if (isBinaryPath(fileName) || bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary', bytes };
	try {
		// A byte-order mark stays in the text, where the header writer keeps it first.
		return { kind: 'text', text: decodeUtf8(bytes, fileName) };
	} catch {
		return { kind: 'binary', bytes };
	}
}
