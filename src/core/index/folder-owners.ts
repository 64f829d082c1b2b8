import { dirname, isUnder } from '../files/paths';
import { ownsFolder } from './discovery';
import { Spec } from './spec';

/**
 * Which spec owns each folder under the specs root: how a spec without a parent reference finds
 * its parent, and a deliverable nobody registered its spec. The specs are grouped by folder when
 * first asked, and again after forget().
 */
export class FolderOwners {
	private byFolder: Map<string, Spec[]> | null = null;

	constructor(
		private readonly specsRoot: string,
		private readonly specs: ReadonlyMap<string, Spec>,
	) {}

	/** The specs changed: the grouping is made again when next asked. */
	forget(): void {
		this.byFolder = null;
	}

	specsIn(folder: string): Spec[] {
		if (!this.byFolder) {
			this.byFolder = new Map();
			for (const spec of this.specs.values()) {
				const dir = dirname(spec.path);
				const list = this.byFolder.get(dir);
				if (list) list.push(spec);
				else this.byFolder.set(dir, [spec]);
			}
		}
		return this.byFolder.get(folder) ?? [];
	}

	/**
	 * The spec that owns a folder: epic.md/spec.md or one named after the folder (the first by path
	 * when a folder has two, whatever order they were listed or changed in), else its only spec.
	 */
	ownerOf(folder: string): Spec | null {
		let owner: Spec | null = null;
		const specs = this.specsIn(folder);
		for (const candidate of specs) {
			if (ownsFolder(candidate.path) && (owner === null || candidate.path < owner.path)) owner = candidate;
		}
		return owner ?? (specs.length === 1 ? specs[0] : null);
	}

	/** The nearest enclosing folder's spec other than the spec itself: its parent by the layout. */
	enclosingOwner(spec: Spec): Spec | null {
		// spec.md/epic.md own their folder, so their parent is found from the folder above.
		let folder = ownsFolder(spec.path) ? dirname(dirname(spec.path)) : dirname(spec.path);
		while (isUnder(folder, this.specsRoot) && folder !== '') {
			const owner = this.ownerOf(folder);
			if (owner && owner !== spec) return owner;
			if (folder === this.specsRoot) break;
			folder = dirname(folder);
		}
		return null;
	}

	/** For a deliverable `a/b/deliverables/scripts/x.sh`: the spec owning `a/b` or a folder above it. */
	ownerAbove(path: string): Spec | null {
		const parts = path.split('/');
		const at = parts.lastIndexOf('deliverables');
		let folder = parts.slice(0, at).join('/');
		while (isUnder(folder, this.specsRoot)) {
			const owner = this.ownerOf(folder);
			if (owner) return owner;
			if (folder === this.specsRoot || folder === '') break;
			folder = dirname(folder);
		}
		return null;
	}
}
