// Obsidian mobile has no Buffer. gray-matter only calls Buffer.from(text) to keep an
// untouched copy of its input (`file.orig`), which we never read, so a string holder is enough.
export const Buffer = {
	from(text: string): { toString(): string } {
		return { toString: () => text };
	},
};
