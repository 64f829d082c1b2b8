import { inboxSummary, reviewInbox } from '../../../src/core/review/review-inbox';
import { memoryWorkspace } from '../../helpers/workspace';

describe('the review inbox and a spec whose id another spec shares', () => {
	const copy = "specs/1000/1001/spec (Ana's conflicted copy 2025-08-21).md";
	const spec = '---\nid: "1001"\ntype: feature\n---\n# 1001 - Hot\n\n**Context**: [[context|Journal]]\n\n## Deliverables\n- [[deliverables/scripts/mount.sh|Mount]]\n';
	const files = (): Record<string, string> => ({
		'specs/1000/epic.md': '# 1000 - Storage\n\n## Features\n- [[1001/spec|1001 - Hot]]\n',
		'specs/1000/1001/spec.md': spec,
		'specs/1000/1001/context.md':
			'# Context: Hot\n\n**Spec**: [[spec|1001]]\n\n## Implementation Timeline\n\n### Session 1: 2025-08-20 - Mount\n**Duration**: 1 hour  \n**Status**: completed\n\n## Deliverables\n- [[deliverables/scripts/mount.sh|Mount]] - mount it\n',
		'specs/1000/1001/deliverables/scripts/mount.sh': '#!/bin/sh\n# Generated from: specs/1000/1001/spec.md\n# Context: specs/1000/1001/context.md\nmount /mnt/hot\n',
	});
	const lines = async (vault: Record<string, string>): Promise<string[]> => {
		const inbox = await reviewInbox(await memoryWorkspace(vault, { now: '2025-08-26T14:30:00' }));
		return inbox.map((s) => `${s.id} - ${s.title}: ${inboxSummary(s)}`);
	};

	it('is listed once, saying which file shares its id and what to do, not left out', async () => {
		expect(await lines(files())).toEqual(['1001 - Hot: 1 session · 1 deliverable new']);
		expect(await lines({ ...files(), [copy]: spec })).toEqual([`1001 - Hot: 1 session · 1 deliverable new · id 1001 also used by ${copy}: rename or remove one before reviewing`]);
	});

	it('its entry names the other files (the JSON of review --inbox)', async () => {
		const inbox = await reviewInbox(await memoryWorkspace({ ...files(), [copy]: spec }, { now: '2025-08-26T14:30:00' }));
		expect(inbox.map((s) => [s.path, s.sharesIdWith])).toEqual([['specs/1000/1001/spec.md', [copy]]]);
	});
});
