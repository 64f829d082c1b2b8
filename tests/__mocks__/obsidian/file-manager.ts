import type { DataWriteOptions } from 'obsidian';
import { TAbstractFile, TFile, TFolder } from './files';
import { resolveLinkpath } from './link-resolver';
import { scanLinks, type LinkSpan } from './link-scan';
import { fencedLines, findFrontmatter, LineIndex, maskNonProse } from './markdown-scan';
import type { MetadataCache } from './metadata-cache';
import { joinPath, normalizePath, parentPath, splitName } from './paths';
import { Vault } from './vault';
import { parseProperties as parseYaml, stringifyProperties as stringifyYaml } from './yaml';

/** Characters a markdown link target must not hold raw. */
function encodeLinkPath(path: string): string {
	return path.replace(/[%\s()<>[\]^`]/g, (c) => encodeURIComponent(c));
}

/** Links in a note with their positions: body links plus wikilinks in the frontmatter block. */
function linkSpans(text: string): LinkSpan[] {
	const index = new LineIndex(text);
	const fm = findFrontmatter(index);
	const masked = maskNonProse(index, fm, fencedLines(index, fm ? fm.closeLine + 1 : 0));
	const spans = scanLinks(text, masked);
	if (fm) {
		// Property links: Obsidian updates `parent: "[[../epic|Epic]]"` on rename too.
		const region = ' '.repeat(fm.yamlStart) + text.slice(fm.yamlStart, fm.closeStart);
		spans.push(...scanLinks(text, region).filter((s) => s.kind === 'wiki'));
	}
	return spans.sort((a, b) => a.start - b.start);
}

export class FileManager {
	constructor(
		private readonly vault: Vault,
		private readonly metadataCache: MetadataCache,
	) {}

	/** Where a new note goes, per the vault's `newFileLocation` setting (default: vault root). */
	getNewFileParent(sourcePath: string, newFilePath?: string): TFolder {
		void newFilePath;
		const where = this.vault.getConfig('newFileLocation');
		if (where === 'current') {
			const src = this.vault.getAbstractFileByPath(sourcePath);
			const folder = src instanceof TFolder ? src : src?.parent;
			if (folder) return folder;
		}
		if (where === 'folder') {
			const folder = this.vault.getFolderByPath(this.vault.configString('newFileFolderPath', ''));
			if (folder) return folder;
		}
		return this.vault.getRoot();
	}

	/**
	 * Renames or moves a file or folder. When the vault's `alwaysUpdateLinks` is on (the default),
	 * every link that pointed to a moved file and no longer resolves to it is rewritten — in other
	 * notes and, for a moved note, its own relative links — keeping `#subpath`, `|alias` and the link
	 * style (wikilink or markdown). Links that still resolve are left byte for byte. New link text
	 * follows `newLinkFormat` (default `shortest`), as Obsidian's does.
	 */
	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		const update = this.vault.getConfig('alwaysUpdateLinks') !== false;
		const oldPaths = this.vault.getFiles().map((f) => f.path);
		const byOldPath = new Map(this.vault.getFiles().map((f) => [f.path, f] as const));
		const moved = new Set<TFile>();
		if (file instanceof TFile) moved.add(file);
		else if (file instanceof TFolder) Vault.recurseChildren(file, (f) => f instanceof TFile && moved.add(f));
		const movedOldPaths = new Set([...moved].map((f) => f.path));
		const oldSourcePath = new Map<TFile, string>();
		const affected: TFile[] = [];
		if (update) {
			for (const note of this.vault.getMarkdownFiles()) {
				const spans = linkSpans(this.vault.contentOf(note));
				const touches =
					moved.has(note) ||
					spans.some((s) => {
						const hit = resolveLinkpath(oldPaths, s.linkpath, note.path);
						return hit !== null && movedOldPaths.has(hit);
					});
				if (touches) {
					affected.push(note);
					oldSourcePath.set(note, note.path);
				}
			}
		}
		await this.vault.rename(file, newPath);
		if (!update) return;
		const newPaths = this.vault.getFiles().map((f) => f.path);
		for (const note of affected) {
			const oldSrc = oldSourcePath.get(note) ?? note.path;
			const sourceMoved = moved.has(note);
			await this.vault.process(note, (text) => {
				let out = '';
				let at = 0;
				for (const s of linkSpans(text)) {
					if (s.linkpath === '') continue;
					const oldHit = resolveLinkpath(oldPaths, s.linkpath, oldSrc);
					const target = oldHit === null ? null : byOldPath.get(oldHit);
					if (!target || (!movedOldPaths.has(oldHit ?? '') && !sourceMoved)) continue;
					if (resolveLinkpath(newPaths, s.linkpath, note.path) === target.path) continue;
					const linktext = this.metadataCache.fileToLinktext(target, note.path, s.kind === 'wiki');
					const written = text.slice(s.targetStart, s.targetEnd);
					const hash = written.indexOf('#');
					const subpath = hash < 0 ? '' : written.slice(hash);
					const newTarget = (s.kind === 'markdown' && !s.angle ? encodeLinkPath(linktext) : linktext) + subpath;
					out += text.slice(at, s.targetStart) + newTarget;
					at = s.targetEnd;
				}
				return out + text.slice(at);
			});
		}
	}

	async trashFile(file: TAbstractFile): Promise<void> {
		// This is trashFile itself: it goes to the vault directly.
		const vault: { trash(file: TAbstractFile, system: boolean): Promise<void> } = this.vault;
		return vault.trash(file, true);
	}

	/**
	 * A link to `file` as Obsidian writes it: `[[linktext#sub|alias]]`, or with `useMarkdownLinks`
	 * `[alias](encoded%20path.md#sub)`. Non-markdown files get an embed (`!`), as Obsidian does; in
	 * markdown style their alias is dropped (`![](file.png)`).
	 */
	generateMarkdownLink(file: TFile, sourcePath: string, subpath?: string, alias?: string): string {
		const embed = file.extension !== 'md' ? '!' : '';
		const sub = subpath ?? '';
		if (this.vault.getConfig('useMarkdownLinks') === true) {
			const target = encodeLinkPath(this.metadataCache.fileToLinktext(file, sourcePath, false)) + encodeLinkPath(sub).replace(/%23/g, '#');
			const text = embed ? '' : alias !== undefined && alias !== '' ? alias : file.basename;
			return `${embed}[${text}](${target})`;
		}
		const linktext = this.metadataCache.fileToLinktext(file, sourcePath, true);
		const aliasPart = alias !== undefined && alias !== '' ? `|${alias}` : '';
		return `${embed}[[${linktext}${sub}${aliasPart}]]`;
	}

	/**
	 * Parses the note's frontmatter, lets `fn` change the object, and writes the whole block back
	 * (Obsidian re-serializes it: comments and quoting style in the block are not kept). A note
	 * without frontmatter gets a block when `fn` adds keys. Invalid YAML throws and writes nothing.
	 */
	async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: DataWriteOptions): Promise<void> {
		await this.vault.process(
			file,
			(text) => {
				const index = new LineIndex(text);
				const fm = findFrontmatter(index);
				const eol = text.includes('\r\n') ? '\r\n' : '\n';
				let data: Record<string, unknown> = {};
				if (fm) {
					const parsed = parseYaml(fm.yaml);
					if (parsed !== undefined && parsed !== null) {
						if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`Frontmatter of ${file.path} is not a set of properties`);
						data = parsed as Record<string, unknown>;
					}
				}
				fn(data);
				if (!fm && Object.keys(data).length === 0) return text;
				const yaml = Object.keys(data).length ? stringifyYaml(data).replace(/\n/g, eol) : '';
				const block = `---${eol}${yaml}---`;
				if (!fm) return `${block}${eol}${text}`;
				return block + text.slice(fm.closeStart + index.line(fm.closeLine).length);
			},
			options,
		);
	}

	/** A free path for an attachment: in the configured attachment folder, ` 1`, ` 2`… added on clashes. */
	async getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
		const setting = this.vault.configString('attachmentFolderPath', '/');
		let folder = setting === '/' || setting === '' ? '' : normalizePath(setting);
		if (setting.startsWith('./')) folder = joinPath(parentPath(sourcePath ?? ''), setting.slice(2));
		const { basename, extension } = splitName(filename);
		const ext = extension ? `.${extension}` : '';
		for (let n = 0; ; n++) {
			const candidate = joinPath(folder, n === 0 ? filename : `${basename} ${n}${ext}`);
			if (!this.vault.getAbstractFileByPath(candidate)) return Promise.resolve(candidate);
		}
	}
}
