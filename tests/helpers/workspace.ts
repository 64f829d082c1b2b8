import { MemoryFileStore } from '../../src/core/files/memory-file-store';
import { SpecIndex } from '../../src/core/index/spec-index';
import { LinkStyle } from '../../src/core/links/link-format';
import { LinkResolver } from '../../src/core/links/link-resolver';
import { Workspace } from '../../src/core/workspace/workspace';
import { EXAMPLE_VAULT, readVaultFiles } from './vault-files';

export interface TestWorkspace extends Workspace {
	store: MemoryFileStore;
	/** Moves the fixed clock. */
	setNow(iso: string): void;
}

/**
 * A workspace over an in-memory vault with a fixed clock (local time, as `SPEC_WORK_NOW` gives).
 * Default files: the example vault.
 */
export async function memoryWorkspace(
	files: Record<string, string> = readVaultFiles(EXAMPLE_VAULT),
	options: { now?: string; linkStyle?: LinkStyle; specsRoot?: string; participants?: string; ignore?: string[] } = {},
): Promise<TestWorkspace> {
	const store = new MemoryFileStore(files);
	const resolver = new LinkResolver(Object.keys(files));
	const specsRoot = options.specsRoot ?? 'specs';
	const index = new SpecIndex({ specsRoot, resolveLink: (l, s) => resolver.resolve(l, s), ignore: options.ignore });
	await index.build(store);
	let now = new Date(options.now ?? '2025-08-28T10:00:00');
	return {
		store,
		index,
		links: resolver,
		settings: { specsRoot, linkStyle: options.linkStyle ?? 'wikilink', defaultParticipants: options.participants ?? 'User, Claude' },
		now: () => now,
		setNow: (iso: string) => {
			now = new Date(iso);
		},
	};
}
