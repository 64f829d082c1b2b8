import { readdirSync, readFileSync } from 'fs';
import type { App } from 'obsidian';
import { join, relative } from 'path';
import { createFakeApp } from '../__mocks__/obsidian';
import { effectiveLinkStyle } from '../../src/plugin/plugin-workspace';
import { opensInObsidian } from '../../src/plugin/shared/viewable-file';

/**
 * The undocumented APIs the plugin reads (src/plugin/obsidian-private.d.ts) may be missing or
 * changed in another app version: each use falls back to what Obsidian does by default.
 */
const MARKDOWN_LINKS_VAULT = { '.obsidian/app.json': '{"useMarkdownLinks": true}', 'a.md': '' };

/** The fake app with `name` on `target` replaced by `value` (undefined: the app has no such member). */
function without<T extends object>(target: T, name: string, value: unknown = undefined): T {
	Object.defineProperty(target, name, { value, configurable: true });
	return target;
}

describe("the vault's link style (vault.getConfig)", () => {
	it('follows "Use [[Wikilinks]]" when the app can read it', () => {
		expect(effectiveLinkStyle(createFakeApp(MARKDOWN_LINKS_VAULT) as unknown as App, 'vault')).toBe('markdown');
		expect(effectiveLinkStyle(createFakeApp({ 'a.md': '' }) as unknown as App, 'vault')).toBe('wikilink');
	});

	it("writes wikilinks, Obsidian's default, when the app has no getConfig or it is not a function", () => {
		for (const replacement of [undefined, 'useMarkdownLinks']) {
			const app = createFakeApp(MARKDOWN_LINKS_VAULT);
			without(app.vault, 'getConfig', replacement);
			expect(effectiveLinkStyle(app as unknown as App, 'vault')).toBe('wikilink');
		}
	});

	it('needs no getConfig when the setting names a style', () => {
		const app = createFakeApp({ 'a.md': '' });
		without(app.vault, 'getConfig');
		expect(effectiveLinkStyle(app as unknown as App, 'markdown')).toBe('markdown');
	});
});

describe('extensions other plugins show (app.viewRegistry)', () => {
	it('counts only the formats Obsidian shows itself when the app has no registry, or one without isExtensionRegistered', () => {
		for (const registry of [undefined, {}, { isExtensionRegistered: true }]) {
			const app = without(createFakeApp(), 'viewRegistry', registry) as unknown as App;
			expect(opensInObsidian(app, 'deliverables/scripts/setup.sh')).toBe(false);
			expect(opensInObsidian(app, 'docs/guide.md')).toBe(true);
		}
	});

	it("asks the registry when it is there, as the registry's own method", () => {
		const registered = new Set(['sh']);
		const registry = {
			registered,
			isExtensionRegistered(this: { registered: Set<string> }, ext: string): boolean {
				return this.registered.has(ext);
			},
		};
		const app = without(createFakeApp(), 'viewRegistry', registry) as unknown as App;
		expect(opensInObsidian(app, 'deliverables/scripts/setup.sh')).toBe(true);
		expect(opensInObsidian(app, 'deliverables/config/fstab.nas')).toBe(false);
	});
});

describe('the private API declarations', () => {
	const PLUGIN = join(__dirname, '..', '..', 'src', 'plugin');
	const sources = readdirSync(PLUGIN, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.ts'))
		.map((f) => ({ path: relative(PLUGIN, join(PLUGIN, f)).split('\\').join('/'), text: readFileSync(join(PLUGIN, f), 'utf8') }));

	it("are all in obsidian-private.d.ts, and no plugin file reaches past Obsidian's types with a cast", () => {
		expect(sources.length).toBeGreaterThan(20);
		expect(sources.filter((s) => /declare module ['"]obsidian['"]/.test(s.text)).map((s) => s.path)).toEqual(['obsidian-private.d.ts']);
		expect(sources.filter((s) => /\bas (unknown as|any)\b/.test(s.text)).map((s) => s.path)).toEqual([]);
	});
});
