import type { Spec } from '../index/spec';
import { WorkflowError } from './workflow-error';
import { requireSpec, Workspace } from './workspace';

/*
 * A revision names the text of a spec's files as a reader saw them, so a write based on that reading
 * can be refused when a person changed them since. It is an identity check between cooperating
 * tools, not security: a 48-bit hash that anyone can reproduce.
 */

/** The revision's part for a file that does not exist (a spec without its journal yet). */
export const NO_FILE = 'none';

const HASH_LENGTH = 12;
const REVISION = /^([0-9a-f]{12})\.([0-9a-f]{12}|none)$/;

/**
 * The text's content hash: 64-bit FNV-1a over its UTF-8 bytes (the file's bytes, a byte-order mark
 * included), the first 12 hex digits. Pure arithmetic on two 32-bit halves, so it runs where there
 * is no crypto module (Obsidian on a phone) and without BigInt's cost on a long journal.
 */
export function contentHash(text: string): string {
	let hi = 0xcbf29ce4;
	let lo = 0x84222325;
	const add = (byte: number): void => {
		lo ^= byte;
		// × 0x100000001b3 = × 2^40 + × 0x1b3, kept under 2^53 so doubles stay exact.
		const low = (lo >>> 0) * 0x1b3;
		hi = ((hi >>> 0) * 0x1b3 + Math.floor(low / 0x100000000) + (lo >>> 0) * 0x100) % 0x100000000;
		lo = low % 0x100000000;
	};
	for (let i = 0; i < text.length; i++) {
		let c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
		} else if (c >= 0xd800 && c <= 0xdfff) {
			// A lone surrogate, as TextEncoder writes it.
			c = 0xfffd;
		}
		if (c < 0x80) {
			add(c);
		} else if (c < 0x800) {
			add(0xc0 | (c >> 6));
			add(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			add(0xe0 | (c >> 12));
			add(0x80 | ((c >> 6) & 0x3f));
			add(0x80 | (c & 0x3f));
		} else {
			add(0xf0 | (c >> 18));
			add(0x80 | ((c >> 12) & 0x3f));
			add(0x80 | ((c >> 6) & 0x3f));
			add(0x80 | (c & 0x3f));
		}
	}
	return ((hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0')).slice(0, HASH_LENGTH);
}

/** What status and resume add to their JSON: the pair's revision, and each existing file's hash by path. */
export interface SpecRevision {
	/** `<spec hash>.<journal hash>`, the journal's `none` while it does not exist. */
	revision: string;
	revisions: Record<string, string>;
}

/** A file's text, or null when it does not exist; readers pass the texts they already read. */
export type TextReader = (path: string) => Promise<string | null>;

/** The revision of the files the workflow's writes change: the spec file and its journal. */
export async function specRevision(ws: Workspace, spec: Spec, read: TextReader = storeReader(ws)): Promise<SpecRevision> {
	const contextPath = ws.index.contextPathOf(spec);
	const specText = await read(spec.path);
	const contextText = contextPath === spec.path ? specText : await read(contextPath);
	const revisions: Record<string, string> = {};
	const specHash = specText === null ? NO_FILE : contentHash(specText);
	const contextHash = contextText === null ? NO_FILE : contentHash(contextText);
	if (specText !== null) revisions[spec.path] = specHash;
	if (contextText !== null) revisions[contextPath] = contextHash;
	return { revision: `${specHash}.${contextHash}`, revisions };
}

function storeReader(ws: Workspace): TextReader {
	return async (path) => ((await ws.store.exists(path)) ? ws.store.read(path) : null);
}

/**
 * Refuses a write based on `base` when the spec's files no longer have that revision (or `base` is
 * not a revision), naming the file that changed; nothing has been planned yet, so nothing is
 * written. Without `base`, nothing is checked and the write goes on as it always did.
 */
export async function checkBaseRevision(ws: Workspace, id: string, base: string | undefined): Promise<void> {
	if (base === undefined) return;
	const given = REVISION.exec(base.trim().toLowerCase());
	if (!given) {
		throw new WorkflowError(
			'bad-revision',
			`"${base}" is not a revision: give the one status or resume printed (${HASH_LENGTH} hex digits, a dot, ${HASH_LENGTH} hex digits or "${NO_FILE}")`,
		);
	}
	const spec = requireSpec(ws, id);
	const [specHash, contextHash] = (await specRevision(ws, spec)).revision.split('.');
	const changed = [...(specHash !== given[1] ? [spec.path] : []), ...(contextHash !== given[2] ? [ws.index.contextPathOf(spec)] : [])];
	if (changed.length === 0) return;
	throw new WorkflowError(
		'revision-changed',
		`${changed.join(' and ')} changed since revision ${base} was read`,
		changed[0],
		`read it again (spec-work status ${spec.id}) and retry`,
	);
}
