const encoder = new TextEncoder();

/** The bytes a text takes in UTF-8, as TextEncoder writes it (a lone surrogate as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
	return encoder.encode(text).length;
}
