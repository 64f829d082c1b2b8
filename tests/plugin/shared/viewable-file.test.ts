import { createFakeApp } from '../../__mocks__/obsidian';
import type { App } from 'obsidian';
import { opensInObsidian } from '../../../src/plugin/shared/viewable-file';

describe('which files Obsidian can show', () => {
	const app = createFakeApp() as unknown as App;

	it('shows notes, canvases, PDFs and images, in any case of extension', () => {
		for (const path of ['specs/1000/epic.md', 'a/b.canvas', 'docs/Guide.PDF', 'img/diagram.png']) expect(opensInObsidian(app, path)).toBe(true);
	});

	it('does not show scripts, config files or files without an extension', () => {
		for (const path of ['deliverables/scripts/setup.sh', 'deliverables/config/fstab.nas', 'deliverables/config/Makefile', 'x/.hidden']) {
			expect(opensInObsidian(app, path)).toBe(false);
		}
	});

	it('shows what another plugin registered a view for', () => {
		const withRegistry = { viewRegistry: { isExtensionRegistered: (ext: string) => ext === 'sh' } } as unknown as App;
		expect(opensInObsidian(withRegistry, 'deliverables/scripts/setup.sh')).toBe(true);
		expect(opensInObsidian(withRegistry, 'deliverables/config/fstab.nas')).toBe(false);
	});
});
