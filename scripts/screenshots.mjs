/**
 * `npm run screenshots`: renders the status panel, the specs overview and the start-session and
 * add-deliverable modals in real headless Chromium (Debian's `chromium` through playwright-core, and
 * `fonts-noto-color-emoji` for the plan's task marks) against examples/vault, through the same Obsidian
 * fake the tests use, with an approximation of Obsidian's default theme. Writes the PNGs in docs/.
 * Not part of `npm test`: CI has no browser.
 */
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const at = (p) => join(root, p);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The example vault as path → text, as the tests read it. */
function vaultFiles(dir) {
	const out = {};
	const walk = (d) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			if (entry.name === '.obsidian') continue;
			const abs = join(d, entry.name);
			if (entry.isDirectory()) walk(abs);
			else out[relative(dir, abs).split('\\').join('/')] = readFileSync(abs, 'utf8');
		}
	};
	walk(dir);
	return out;
}

/** Node modules left out of the page: the stubs above stand in for module and util. */
const PAGE_EXTERNAL = builtinModules.filter((m) => m !== 'module' && m !== 'util');

/** The plugin, the fake and the page script in one browser bundle. */
async function bundle() {
	const result = await esbuild.build({
		entryPoints: [at('tests/screenshots/scene.ts')],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2020',
		logLevel: 'warning',
		// Node-only modules the plugin loads lazily on desktop (git) are never reached on the page.
		external: [...PAGE_EXTERNAL, ...PAGE_EXTERNAL.map((m) => `node:${m}`)],
		alias: {
			obsidian: at('tests/screenshots/obsidian-browser.ts'),
			'node:module': at('tests/screenshots/node-module-stub.ts'),
			util: at('tests/screenshots/util-stub.ts'),
		},
	});
	return result.outputFiles[0].text;
}

const DESKTOP = { width: 1280, height: 800, deviceScaleFactor: 1 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2 };
// SCREENSHOTS_VAULT and SCREENSHOTS_NOTE render another vault's panel (a real-vault fixture, say) with no session started.
const VAULT = process.env.SCREENSHOTS_VAULT ?? 'examples/vault';
const PANEL_NOTE = process.env.SCREENSHOTS_NOTE ?? 'specs/1000/1001/1014.context.md';
const OVERVIEW_NOTE = process.env.SCREENSHOTS_VAULT ? 'README.md' : 'notes/Storage tiers.md';
// A plan an agent proposed for 1014 and waits on (spec-work await), shown with Approve, Modify and Reject.
const PROPOSAL = { id: '1014', plan: ['Write the troubleshooting guide', 'Validate restores with the downstream teams', 'Hand over the runbook'] };
const SESSION = process.env.SCREENSHOTS_VAULT ? undefined : { id: '1014', title: 'Troubleshooting guide and final validation' };

const shots = [];
for (const dark of [false, true]) {
	const theme = dark ? 'dark' : 'light';
	shots.push({ name: `panel-desktop-${theme}`, size: DESKTOP, scene: { active: PANEL_NOTE, phone: false, dark, session: SESSION } });
	shots.push({ name: `panel-phone-${theme}`, size: PHONE, scene: { active: PANEL_NOTE, phone: true, dark, session: SESSION } });
	if (!process.env.SCREENSHOTS_VAULT) {
		shots.push({ name: `review-inbox-phone-${theme}`, size: PHONE, scene: { active: OVERVIEW_NOTE, phone: true, dark, review: true } });
		shots.push({ name: `review-panel-phone-${theme}`, size: PHONE, scene: { active: PANEL_NOTE, phone: true, dark, review: true } });
	}
	if (!process.env.SCREENSHOTS_VAULT) {
		// The modals the panel's Start and Add deliverable buttons open, filled in.
		shots.push({ name: `start-session-phone-${theme}`, size: PHONE, scene: { active: PANEL_NOTE, phone: true, dark, modal: 'start-session' } });
		shots.push({ name: `add-deliverable-phone-${theme}`, size: PHONE, scene: { active: PANEL_NOTE, phone: true, dark, session: SESSION, modal: 'add-deliverable' } });
	}
	if (!process.env.SCREENSHOTS_VAULT) shots.push({ name: `proposal-phone-${theme}`, size: PHONE, scene: { active: PANEL_NOTE, phone: true, dark, proposal: PROPOSAL } });
	shots.push({ name: `overview-desktop-${theme}`, size: DESKTOP, scene: { active: OVERVIEW_NOTE, phone: false, dark } });
	shots.push({ name: `overview-phone-${theme}`, size: PHONE, scene: { active: OVERVIEW_NOTE, phone: true, dark } });
	if (!process.env.SCREENSHOTS_VAULT) {
		shots.push({ name: `spec-tree-desktop-${theme}`, size: DESKTOP, scene: { active: OVERVIEW_NOTE, phone: false, dark, specTree: true } });
		shots.push({ name: `spec-tree-phone-${theme}`, size: PHONE, scene: { active: OVERVIEW_NOTE, phone: true, dark, specTree: true } });
	}
}

const only = process.argv.slice(2);
const script = await bundle();
const css = readFileSync(at('tests/screenshots/obsidian-theme.css'), 'utf8') + '\n' + readFileSync(at('styles.css'), 'utf8');
const files = vaultFiles(join(root, VAULT));
const outDir = process.env.SCREENSHOTS_DIR ?? at('docs');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
	executablePath,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
	for (const shot of shots) {
		if (only.length > 0 && !only.some((o) => shot.name.includes(o))) continue;
		const page = await browser.newPage({ viewport: { width: shot.size.width, height: shot.size.height }, deviceScaleFactor: shot.size.deviceScaleFactor });
		const errors = [];
		page.on('pageerror', (e) => errors.push(e));
		page.on('console', (m) => m.type() === 'error' && errors.push(new Error(m.text())));
		await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body></body></html>`);
		await page.addScriptTag({ content: script });
		if (errors.length > 0) throw errors[0];
		await page.evaluate((scene) => window.renderScene(scene), { ...shot.scene, files });
		if (errors.length > 0) throw errors[0];
		const path = join(outDir, `${shot.name}.png`);
		await page.screenshot({ path });
		if (process.env.FULL) {
			// The whole panel, scrolled content included: for checking what the viewport cuts off.
			const content = page.locator('.view-content');
			await page.setViewportSize({ width: shot.size.width, height: Math.max(shot.size.height, await content.evaluate((el) => el.scrollHeight + 100)) });
			await page.screenshot({ path: join(outDir, `${shot.name}-full.png`) });
		}
		console.log(relative(root, path));
		await page.close();
	}
} finally {
	await browser.close();
}
