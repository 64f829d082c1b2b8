import { specStatus } from '../../../src/core/reports/spec-status';
import { formatStatus } from '../../../src/core/text/status-text';
import { memoryWorkspace } from '../../helpers/workspace';

describe('formatStatus', () => {
	it('shows the status view of 1014, figure for figure', async () => {
		const ws = await memoryWorkspace();
		const text = formatStatus(await specStatus(ws, '1014'));
		expect(text).toBe(
			[
				'# Spec 1014: Cold Storage NAS Integration',
				'',
				'## Progress: 71% Complete (5/7 tasks)',
				'',
				'### Completed:',
				'✅ Network buffer optimization',
				'✅ NFS mount configuration',
				'✅ Directory structure creation',
				'✅ Health monitoring script',
				'✅ Performance benchmarking',
				'',
				'### In Progress:',
				'⏳ Documentation',
				'',
				'### Pending:',
				'⏳ Final validation',
				'',
				'### Blocked:',
				'❌ None',
				'',
				'### Acceptance Criteria: 3/4 met',
				'',
				'### Deliverables Created:',
				'- 4 scripts in deliverables/scripts/',
				'- 2 documents in deliverables/docs/',
				'- 2 configs in deliverables/config/',
				'',
				'### Time Spent:',
				'- Session 1: 2.5 hours (2025-08-26)',
				'- Session 2: 1.5 hours (2025-08-27)',
				'- Total: 4 hours',
				'',
				'### Last Commit: b2c3d4e - "Add performance benchmarking results"',
				'',
				'### Parent: 1001 - Storage Infrastructure - 83% (10/12 tasks)',
				'',
				'### Children: None',
				'',
			].join('\n'),
		);
	});
});
