import { deliverablesReport, formatDeliverablesReport } from '../../../src/core/reports/deliverables-report';
import { memoryWorkspace } from '../../helpers/workspace';

const MOUNT = '#!/bin/bash\n# Generated from: specs/2000/2001/spec.md\n# Context: journals/2001-journal.md\n# Purpose: mount\nmount /mnt/nas\n';
const JOURNAL =
	'# Journal\n\n**Spec**: [[specs/2000/2001/spec|2001]]\n\n## Implementation Timeline\n\n### Session 1: 2025-08-12 - Mount\n**Duration**: 45 minutes\n**Status**: completed\n\n' +
	'## Deliverables\n- [[specs/2000/2001/deliverables/scripts/mount.sh|Mount script]] - mount `hash:3ebdb493`\n';

/** The report's "Usage by Other Specs" section, up to the Metrics. */
function usageSection(report: string): string {
	return report.slice(report.indexOf('## Usage by Other Specs'), report.indexOf('## Metrics'));
}

describe('Usage by Other Specs and a journal kept apart', () => {
	it('does not list the spec own journal, kept outside its folder, as a user', async () => {
		const ws = await memoryWorkspace({
			'specs/2000/epic.md': '# 2000 - Cold lab\n',
			'specs/2000/2001/spec.md': '---\nstatus: implementing\ncontext: journals/2001-journal.md\n---\n# 2001 - Storage\n',
			'specs/2000/2001/deliverables/scripts/mount.sh': MOUNT,
			'journals/2001-journal.md': JOURNAL,
		});
		const r = await deliverablesReport(ws, '2001');
		expect(r.usedBy).toEqual([]);
		expect(usageSection(formatDeliverablesReport(r))).toBe('## Usage by Other Specs\n\nNo other spec or note links to this spec or its deliverables.\n\n');
	});

	it('takes the baseline off a registry line another note keeps for the deliverable', async () => {
		const ws = await memoryWorkspace({
			'specs/2000/epic.md': '# 2000 - Cold lab\n',
			'specs/2000/2001/spec.md': '# 2001 - Storage\n\n**Status**: implementing\n',
			'specs/2000/2001/deliverables/scripts/mount.sh': MOUNT,
			'notes/lab.md': '# Lab\n\n## Deliverables\n- [[specs/2000/2001/deliverables/scripts/mount.sh|Mount script]] - mounts the share first `hash:3ebdb493`\n',
		});
		const r = await deliverablesReport(ws, '2001');
		expect(usageSection(formatDeliverablesReport(r))).toBe(
			['## Usage by Other Specs', '', '### Referenced in Notes (1)', '- lab', '  - Uses: Mount script', '  - Purpose: mounts the share first', '', ''].join('\n'),
		);
	});
});
