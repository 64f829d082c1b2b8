import { basename, dirname, extension, normalizeVaultPath } from '../files/paths';
import { parseLinkText } from '../links/link-parser';
import { conventionalContextPath, idFromSpecPath } from './discovery';
import { parseOldName } from './old-name';
import { Spec } from './spec';
import { extendsId } from './spec-title';

/**
 * File references written in a spec's properties and header lines (`context`, `deliverables`),
 * read as paths: they name one place. Unlike an Obsidian link, a name with folders never matches
 * a same-named file elsewhere (a copy in a backup folder), and a context reference never falls
 * back to another spec's journal of the same name.
 */

/** What the references are checked against: the files the index knows and the vault's link resolution. */
export interface VaultFiles {
	has(path: string): boolean;
	resolveLink(linkpath: string, sourcePath: string): string | null;
}

/** Whether the vault has a file at exactly `path`. */
function exists(vault: VaultFiles, path: string, sourcePath: string): boolean {
	return vault.has(path) || vault.resolveLink(path, sourcePath) === path;
}

/** A plain value without the quotes a hand-written property may keep. */
function unquoted(ref: string): string {
	return ref
		.trim()
		.replace(/^["']|["']$/g, '')
		.trim();
}

/**
 * A property's file reference (a `deliverables` item): a link, or a plain path tried from the
 * source's folder, then from the vault root; a bare file name finds its one file, as a link does
 * in Obsidian. null when it names no file.
 */
export function resolveFileRef(vault: VaultFiles, ref: string, sourcePath: string): string | null {
	const link = parseLinkText(ref);
	if (link) return link.target === '' ? null : vault.resolveLink(link.target, sourcePath);
	const path = unquoted(ref).replace(/^\.\//, '');
	if (path === '') return null;
	const folder = dirname(sourcePath);
	const beside = normalizeVaultPath(folder === '' ? path : folder + '/' + path);
	for (const candidate of [beside, path]) if (candidate !== null && exists(vault, candidate, sourcePath)) return candidate;
	// Only a bare name is looked for elsewhere: a path with folders names one place, never a same-named copy in a backup.
	return path.includes('/') ? null : vault.resolveLink(path, sourcePath);
}

/**
 * Where a context reference points, as a path: from the spec's folder (`context.md`,
 * `../shared/context.md`), then from the vault root when it has a folder part. Not found: the path
 * when it is beside the spec and `mayCreate` allows it (a context file's name the layout gives to
 * no other spec: the journal to create), else null (the conventional one is used).
 */
export function contextRefTarget(vault: VaultFiles, ref: string, specPath: string, mayCreate: (path: string) => boolean): string | null {
	const link = parseLinkText(ref);
	const raw = link ? link.target.trim() : unquoted(ref);
	if (raw === '') return null;
	const folder = dirname(specPath);
	const fromRoot = raw.startsWith('/');
	const joined = normalizeVaultPath(fromRoot ? raw.slice(1) : folder === '' ? raw : `${folder}/${raw}`);
	if (joined === null) return null;
	const candidates = fromRoot || !raw.includes('/') ? [joined] : [joined, raw];
	for (const candidate of candidates) {
		for (const note of extension(candidate) === 'md' ? [candidate] : [candidate, candidate + '.md']) {
			if (exists(vault, note, specPath)) return note;
		}
	}
	// Not written yet (a task's `context_file: context.md` beside its feature's spec.md names the
	// feature's journal, which mayCreate refuses: the task's own is its conventional one).
	for (const candidate of fromRoot ? [joined] : [joined, raw]) {
		const named = extension(candidate) === 'md' ? candidate : candidate + '.md';
		if (dirname(named) === folder && mayCreate(named)) return named;
	}
	return null;
}

/**
 * The journals the layout gives the spec: its conventional one, and `{id}.context.md` for its id
 * and the ids its file and folder names give (`1014-task-cold-storage`, `F01`). Never one named
 * after an `id` property alone: a copied `id: 1002` must not make 1002's journal this spec's.
 */
export function layoutContexts(spec: Spec): string[] {
	const folder = dirname(spec.path);
	const prefix = folder === '' ? '' : folder + '/';
	const out = [conventionalContextPath(spec.path)];
	for (const id of [spec.id, ...namedIds(spec)]) {
		const path = prefix + id + '.context.md';
		if (!out.includes(path)) out.push(path);
	}
	return out;
}

/** The ids a spec's file and folder names give it: `1014-task-cold-storage` and `1014`; for `T04/E01-F01-T04.spec.md` its folder `T04`. */
function namedIds(spec: Spec): string[] {
	const fileId = idFromSpecPath(spec.path);
	const out = [fileId];
	const old = parseOldName(fileId)?.id;
	if (old !== undefined) out.push(old);
	const folder = basename(dirname(spec.path));
	if (extendsId(spec.id, folder)) out.push(folder);
	return out;
}
