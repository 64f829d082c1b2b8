/**
 * The undocumented parts of Obsidian the plugin reads, declared once here. Each is optional: a
 * future app may drop or change it, so every use checks it is there and has a fallback that keeps
 * the plugin working (tests/plugin/obsidian-private.test.ts runs each fallback).
 */
import 'obsidian';

declare module 'obsidian' {
	interface App {
		/**
		 * Which file extensions have a view, including those other plugins registered. Fallback
		 * without it: only the formats Obsidian shows itself count as viewable.
		 */
		viewRegistry?: { isExtensionRegistered?(extension: string): boolean };
	}

	interface Vault {
		/**
		 * Reads a setting of the vault (`.obsidian/app.json`); the plugin asks only for
		 * `useMarkdownLinks` ("Use [[Wikilinks]]" off). Fallback without it: wikilinks, Obsidian's default.
		 */
		getConfig?(key: string): unknown;
	}
}
