/** How new links are written; both styles are always read. */
export type LinkStyle = 'wikilink' | 'markdown';
