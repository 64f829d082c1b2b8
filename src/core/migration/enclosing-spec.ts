import { dirname, isUnder } from '../files/paths';
import type { FoundSpec } from './old-layout-detection';

/**
 * The nearest folder at or above `folder`, inside the specs root, that stands for a spec other than
 * `except`; null when none does. Old layouts nest a spec's children and files in its folder.
 */
export function enclosingSpec(options: {
	folderOwner: ReadonlyMap<string, FoundSpec>;
	specsRoot: string;
	folder: string;
	except?: FoundSpec;
}): { spec: FoundSpec; folder: string } | null {
	const { folderOwner, specsRoot, except } = options;
	let folder = options.folder;
	while (isUnder(folder, specsRoot) && folder !== specsRoot && folder !== '') {
		const owner = folderOwner.get(folder);
		if (owner && owner !== except) return { spec: owner, folder };
		folder = dirname(folder);
	}
	return null;
}
