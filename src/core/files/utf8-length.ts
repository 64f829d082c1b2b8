/** The bytes a text takes in UTF-8, as TextEncoder writes it (a lone surrogate as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
	// Made per call, not at load: the plugin's module must load where no global is touched yet.
	return new TextEncoder().encode(text).length;
}
